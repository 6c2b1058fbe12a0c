package dev.patchbay.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthenticationImplementationApiTests extends ApiTest {

    private static final String IMPLEMENTATIONS = "/api/v1/authentication-implementations";

    private Map<String, Object> body(long systemId) {
        return Map.of("system_id", systemId, "authentication_type_id", 3, "name", "API key",
                "settings", Map.of("headers", Map.of("X-Api-Key", "{{api_key}}"), "query", Map.of("since", "{{now - 1 day}}")),
                "test_request", Map.of("method", "GET", "path", "/ping", "expect_status", 200),
                "variables", List.of(Map.of("key", "api_key", "label", "API key", "value", "s3cret-value", "secret", true,
                        "pivot", Map.of("required", true))));
    }

    private long create(Tenant tenant) {
        Response created = api.post(IMPLEMENTATIONS, tenant.apiKey(), body(tenant.catalog().restSystemId()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    @Test
    void shouldCreateImplementationWithSettingsTestRequestAndMaskedTemplates() {
        Tenant tenant = data.company();

        Response created = api.post(IMPLEMENTATIONS, tenant.apiKey(), body(tenant.catalog().restSystemId()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode implementation = created.at("/data");
        assertThat(implementation.get("system_id").asLong()).isEqualTo(tenant.catalog().restSystemId());
        assertThat(implementation.get("authentication_type_id").asLong()).isEqualTo(3);
        assertThat(implementation.at("/settings/headers/X-Api-Key").asString()).isEqualTo("{{api_key}}");
        assertThat(implementation.at("/test_request/expect_status").asInt()).isEqualTo(200);
        assertThat(implementation.at("/variables/0/key").asString()).isEqualTo("api_key");
        assertThat(implementation.at("/variables/0/value").asString()).isEqualTo("********");
        assertThat(implementation.at("/variables/0/pivot/required").asBoolean()).isTrue();
        String stored = data.jdbc().sql("SELECT value FROM variables WHERE authentication_implementation_id = :id")
                .param("id", implementation.get("id").asLong()).query(String.class).single();
        assertThat(stored).as("encrypted at rest").isNotEqualTo("s3cret-value").doesNotContain("s3cret");
    }

    @Test
    void shouldReportEveryInvalidFieldIncludingSettingsPlaceholdersAndTestRequest() {
        Tenant tenant = data.company();

        Response response = api.post(IMPLEMENTATIONS, tenant.apiKey(), Map.of(
                "system_id", 99999999, "authentication_type_id", 99999999, "name", "n".repeat(256),
                "settings", Map.of("headers", Map.of("Authorization", "Bearer {{token}}", "X-Count", 3),
                        "cookie", Map.of(), "query", "nope"),
                "test_request", Map.of("method", "FETCH", "path", "ping", "expect_status", 700),
                "variables", List.of(Map.of("key", "", "label", "Token"), Map.of("key", "a", "label", "A", "value", "x".repeat(1025)),
                        Map.of("key", "a", "label", "Again"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("system_id",
                "authentication_type_id", "name", "settings.headers.Authorization", "settings.headers.X-Count",
                "settings.cookie", "settings.query", "test_request.method", "test_request.path", "test_request.expect_status",
                "variables.0.key", "variables.1.value", "variables.2.key");
        assertThat(response.at("/errors/settings.headers.Authorization/0").asString())
                .contains("{{token}}").contains("names no variable template");
        assertThat(response.at("/errors/variables.2.key/0").asString()).isEqualTo("The variables.2.key field has already been taken.");
        assertThat(rows("SELECT count(*) FROM authentication_implementations WHERE company_id = :id", tenant.id())).isEqualTo(4);
    }

    @Test
    void shouldRequireSystemTypeAndNameAndTheTestRequestParts() {
        Tenant tenant = data.company();

        Response response = api.post(IMPLEMENTATIONS, tenant.apiKey(), Map.of("test_request", Map.of()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("system_id",
                "authentication_type_id", "name", "test_request.method", "test_request.path", "test_request.expect_status");
    }

    @Test
    void shouldRefuseAnotherCompanysSystemAs422() {
        Tenant tenant = data.company();
        Tenant other = data.company();

        Response response = api.post(IMPLEMENTATIONS, tenant.apiKey(), body(other.catalog().restSystemId()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/errors/system_id/0").asString()).isEqualTo("The selected system id is invalid.");
    }

    @Test
    void shouldUpdateGivenFieldsAndCheckPlaceholdersAgainstStoredTemplates() {
        Tenant tenant = data.company();
        long id = create(tenant);

        Response updated = api.put(IMPLEMENTATIONS + "/" + id, tenant.apiKey(),
                "{\"name\": \"Renamed\", \"test_request\": null}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/data/name").asString()).isEqualTo("Renamed");
        assertThat(updated.at("/data/test_request").isNull()).isTrue();
        assertThat(updated.at("/data/settings/headers/X-Api-Key").asString()).as("kept").isEqualTo("{{api_key}}");

        Response unknown = api.put(IMPLEMENTATIONS + "/" + id, tenant.apiKey(),
                Map.of("settings", Map.of("headers", Map.of("X-Other", "{{missing}}"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").has("settings.headers.X-Other")).isTrue();

        Response moved = api.put(IMPLEMENTATIONS + "/" + id, tenant.apiKey(),
                Map.of("system_id", tenant.catalog().shopifySystemId(), "variables", List.of()));
        assertThat(moved.status()).isEqualTo(422);
        assertThat(moved.json().get("errors").propertyNames()).containsExactlyInAnyOrder("system_id", "variables");
    }

    @Test
    void shouldListFilterSortAndIncludeLikeConnectors() {
        Tenant tenant = data.company();
        long rest = tenant.catalog().restSystemId();

        Response bySystem = api.get(Api.encoded(IMPLEMENTATIONS + "?filter[system]=" + rest + "&sort=-name"), tenant.apiKey());
        assertThat(bySystem.at("/data").valueStream().map(i -> i.get("name").asString())).containsExactly("No auth", "Basic auth");
        Response byType = api.get(Api.encoded(IMPLEMENTATIONS + "?filter[authentication_type]=2"), tenant.apiKey());
        assertThat(byType.at("/data").valueStream().map(i -> i.get("id").asLong()))
                .containsExactly(tenant.catalog().restBasicAuthId());
        Response byName = api.get(Api.encoded(IMPLEMENTATIONS + "?filter[name]=ADMIN"), tenant.apiKey());
        assertThat(byName.at("/meta/total").asLong()).isEqualTo(1);

        Response included = api.get(IMPLEMENTATIONS + "/" + tenant.catalog().shopifyTokenAuthId()
                + "?include=authenticationType,system.logo,system.systemType,endpoints.filters,endpoints.fieldTags,"
                + "variables_count,variablesExists", tenant.apiKey());
        assertThat(included.status()).as(included.toString()).isEqualTo(200);
        JsonNode implementation = included.at("/data");
        assertThat(implementation.at("/authentication_type/key").asString()).isEqualTo("token");
        assertThat(implementation.at("/system/logo/url").asString()).startsWith("https://");
        assertThat(implementation.at("/system/system_type/name").asString()).isEqualTo("eCommerce");
        assertThat(implementation.at("/endpoints/0/filters")).hasSize(2);
        assertThat(implementation.at("/endpoints/0/field_tags")).hasSize(2);
        assertThat(implementation.get("variables_count").asInt()).isEqualTo(3);
        assertThat(implementation.get("variables_exists").asBoolean()).isTrue();
        assertThat(api.get(IMPLEMENTATIONS + "?include=connectors", tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(Api.encoded(IMPLEMENTATIONS + "?filter[colour]=x"), tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(IMPLEMENTATIONS + "?sort=key", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void shouldListAndAddVariableTemplatesThroughTheNestedRoute() {
        Tenant tenant = data.company();
        long id = tenant.catalog().shopifyTokenAuthId();
        String variables = IMPLEMENTATIONS + "/" + id + "/variables";

        Response created = api.post(variables, tenant.apiKey(), Map.of("key", "client_secret", "label", "Client secret",
                "value", "cs-123", "secret", true, "pivot", Map.of("alias", "Secret", "advanced", true)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/value").asString()).isEqualTo("********");
        assertThat(created.at("/data/pivot/alias").asString()).isEqualTo("Secret");
        assertThat(created.at("/data/pivot/configurable").asBoolean()).isTrue();
        assertThat(created.at("/data/authentication_implementation_id").asLong()).isEqualTo(id);
        Response list = api.get(variables, tenant.apiKey());
        assertThat(list.at("/data").valueStream().map(v -> v.get("key").asString()))
                .containsExactly("shop", "access_token", "api_version", "client_secret");
        assertThat(list.at("/meta/total").asLong()).isEqualTo(4);

        Response duplicate = api.post(variables, tenant.apiKey(), Map.of("key", "shop", "label", "Again"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.at("/errors/key/0").asString()).isEqualTo("The key field has already been taken.");
        Response invalid = api.post(variables, tenant.apiKey(), Map.of("value", "v".repeat(1025)));
        assertThat(invalid.json().get("errors").propertyNames()).containsExactlyInAnyOrder("key", "label", "value");
    }

    @Test
    void shouldLinkListAndUnlinkEndpointsOfTheSameSystemOnly() {
        Tenant tenant = data.company();
        long basic = tenant.catalog().restBasicAuthId();
        Response endpoint = api.post("/api/v1/endpoints", tenant.apiKey(), Map.of("system_id", tenant.catalog().restSystemId(),
                "name", "List things", "http_method", "GET", "path", "/things", "direction", "Receive"));
        long endpointId = endpoint.at("/data/id").asLong();
        String linked = IMPLEMENTATIONS + "/" + basic + "/endpoints";

        assertThat(api.post(linked, tenant.apiKey(), Map.of("endpoint_id", endpointId)).status()).isEqualTo(201);
        assertThat(api.post(linked, tenant.apiKey(), Map.of("endpoint_id", endpointId)).status()).as("idempotent").isEqualTo(200);
        assertThat(api.get(linked, tenant.apiKey()).at("/data").valueStream().map(e -> e.get("id").asLong()))
                .containsExactly(endpointId);

        long shopifyEndpoint = data.jdbc().sql("SELECT min(id) FROM endpoints WHERE system_id = :s")
                .param("s", tenant.catalog().shopifySystemId()).query(Long.class).single();
        Response otherSystem = api.post(linked, tenant.apiKey(), Map.of("endpoint_id", shopifyEndpoint));
        assertThat(otherSystem.status()).isEqualTo(422);
        assertThat(otherSystem.json().get("errors").has("endpoint_id")).isTrue();
        assertThat(api.post(linked, tenant.apiKey(), Map.of()).at("/errors/endpoint_id/0").asString())
                .isEqualTo("The endpoint id field is required.");

        Response unlinked = api.delete(linked + "/" + endpointId, tenant.apiKey());
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(api.get(linked, tenant.apiKey()).at("/meta/total").asLong()).isZero();
        assertThat(api.delete(linked + "/" + endpointId, tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseToDeleteImplementationUsedByConnectorsAndDeleteItOtherwise() {
        Tenant tenant = data.company();
        long connector = data.shopifyConnector(tenant, "Main shop");

        Response refused = api.delete(IMPLEMENTATIONS + "/" + tenant.catalog().shopifyTokenAuthId(), tenant.apiKey());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/message").asString()).isEqualTo(
                "The authentication implementation is used by 1 connector and cannot be deleted: Main shop (#" + connector
                        + "). (and 1 more error)");

        long id = create(tenant);
        assertThat(api.delete(IMPLEMENTATIONS + "/" + id, tenant.apiKey()).status()).isEqualTo(200);
        assertThat(api.get(IMPLEMENTATIONS + "/" + id, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(rows("SELECT count(*) FROM variables WHERE authentication_implementation_id = :id", id)).isZero();
    }

    @Test
    void shouldHideOtherCompaniesImplementationsAndTheirNestedRoutes() {
        Tenant tenant = data.company();
        Tenant other = data.company();
        long theirs = other.catalog().shopifyTokenAuthId();

        assertThat(api.get(IMPLEMENTATIONS + "/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.put(IMPLEMENTATIONS + "/" + theirs, tenant.apiKey(), Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete(IMPLEMENTATIONS + "/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(IMPLEMENTATIONS + "/" + theirs + "/variables", tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.post(IMPLEMENTATIONS + "/" + theirs + "/variables", tenant.apiKey(),
                Map.of("key", "k", "label", "K")).status()).isEqualTo(404);
        assertThat(api.get(IMPLEMENTATIONS + "/" + theirs + "/endpoints", tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.post(IMPLEMENTATIONS + "/" + theirs + "/endpoints", tenant.apiKey(), Map.of("endpoint_id", 1)).status())
                .isEqualTo(404);
        assertThat(api.get(IMPLEMENTATIONS + "?per_page=100", tenant.apiKey()).at("/meta/total").asLong()).isEqualTo(4);
    }

    private long rows(String sql, long id) {
        return data.jdbc().sql(sql).param("id", id).query(Long.class).single();
    }
}
