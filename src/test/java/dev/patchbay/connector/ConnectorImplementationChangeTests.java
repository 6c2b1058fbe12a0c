package dev.patchbay.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A connector's authentication implementation may change only within its system (process flows call
 * that system's endpoints through it); on a change its variables are merged again against the new
 * templates; its {@code type} is derived as on create.
 */
class ConnectorImplementationChangeTests extends ApiTest {

    private static final String MASK = "********";

    @Test
    void shouldRefuseAMoveToAnotherSystemsImplementationAndChangeNothing() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");
        JsonNode before = connector(tenant, id);

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of(
                "name", "Moved",
                "authentication_implementation_id", tenant.catalog().restNoAuthId(),
                "variables", List.of(Map.of("id", before.at("/variables/0/id").asLong(), "value", "other-shop"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("authentication_implementation_id");
        assertThat(response.at("/errors/authentication_implementation_id/0").asString())
                .isEqualTo("The selected authentication implementation belongs to REST API, not to this connector's system "
                        + "Shopify; a connector cannot move to another system (its process flows call this system's "
                        + "endpoints). Create a new connector instead.");
        assertThat(connector(tenant, id)).as("nothing written").isEqualTo(before);
    }

    @Test
    void shouldMergeTheVariablesAgainstTheNewTemplatesOnAMoveWithinTheSystem() {
        Tenant tenant = data.company();
        long noAuth = tenant.catalog().restNoAuthId();
        template(tenant, noAuth, Map.of("key", "region", "value", "eu", "label", "Region", "pivot", Map.of("advanced", true)));
        template(tenant, noAuth, Map.of("key", "password", "label", "Password (plain)"));
        long id = restConnector(tenant, tenant.catalog().restBasicAuthId(), List.of(
                Map.of("key", "base_url", "value", "http://127.0.0.1:1/old", "label", "My base URL"),
                Map.of("key", "username", "value", "admin", "label", "Username"),
                Map.of("key", "password", "value", "pa55word", "label", "Password", "secret", true)));
        JsonNode before = connector(tenant, id).get("variables");

        Response moved = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of(
                "authentication_implementation_id", noAuth,
                "variables", List.of(Map.of("id", before.get(0).get("id").asLong(), "value", "http://127.0.0.1:1/new"))));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/data/authentication_implementation_id").asLong()).isEqualTo(noAuth);
        JsonNode variables = moved.at("/data/variables");
        assertThat(variables.findValuesAsString("key")).as("the new templates, in their order; username dropped")
                .containsExactly("base_url", "region", "password");
        JsonNode baseUrl = variables.get(0);
        assertThat(baseUrl.get("id").asLong()).as("a kept variable keeps its id").isEqualTo(before.get(0).get("id").asLong());
        assertThat(baseUrl.get("value").asString()).as("the value sent with the move").isEqualTo("http://127.0.0.1:1/new");
        assertThat(baseUrl.get("label").asString()).as("the new template's label").isEqualTo("Base URL");
        assertThat(variables.get(1).get("value").asString()).as("the new template's default").isEqualTo("eu");
        assertThat(variables.get(1).at("/pivot/advanced").asBoolean()).as("the new template's flags").isTrue();
        JsonNode password = variables.get(2);
        assertThat(password.get("secret").asBoolean()).as("a kept secret stays secret under a plain template").isTrue();
        assertThat(password.get("value").asString()).isEqualTo(MASK);
        assertThat(storedValue(password.get("id").asLong())).as("encrypted at rest").isNotEqualTo("pa55word");
        assertThat(data.jdbc().sql("SELECT count(*) FROM variables WHERE connector_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAMoveThatLeavesARequiredNewVariableWithoutAValueAndChangeNothing() {
        Tenant tenant = data.company();
        long id = restConnector(tenant, tenant.catalog().restNoAuthId(),
                List.of(Map.of("key", "base_url", "value", "http://127.0.0.1:1/api", "label", "Base URL")));
        JsonNode before = connector(tenant, id);

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of(
                "authentication_implementation_id", tenant.catalog().restBasicAuthId(), "variables", List.of()));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("variables");
        assertThat(response.at("/errors/variables").toString()).contains(
                "The variables must include a value for `username` (Username).",
                "The variables must include a value for `password` (Password).");
        assertThat(connector(tenant, id)).as("nothing written").isEqualTo(before);
    }

    @Test
    void shouldDeriveTheTypeAsCreateDoesWhateverTheBodySays() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("type", "soap", "name", "Renamed", "variables", List.of()));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/name").asString()).isEqualTo("Renamed");
        assertThat(response.at("/data/type").asString()).isEqualTo("http");
        assertThat(data.jdbc().sql("SELECT type FROM connectors WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("http");
    }

    private long restConnector(Tenant tenant, long implementationId, List<Map<String, Object>> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "REST");
        body.put("authentication_implementation_id", implementationId);
        body.put("timezone", "UTC");
        body.put("date_format", "Y-m-d H:i:s");
        body.put("rate_limit_unit", "minute");
        body.put("rate_limit_duration", 60);
        body.put("variables", variables);
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }

    private void template(Tenant tenant, long implementationId, Map<String, Object> body) {
        Response created = api.post("/api/v1/authentication-implementations/" + implementationId + "/variables", tenant.apiKey(),
                body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private JsonNode connector(Tenant tenant, long id) {
        return api.get("/api/v1/connectors/" + id + "?include=variables", tenant.apiKey()).at("/data");
    }

    private String storedValue(long variableId) {
        return data.jdbc().sql("SELECT value FROM variables WHERE id = :id").param("id", variableId).query(String.class).single();
    }
}
