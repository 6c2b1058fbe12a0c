package dev.patchbay.connector;

import static dev.patchbay.connector.ConnectorQueryFixtures.CONNECTORS;
import static dev.patchbay.connector.ConnectorQueryFixtures.create;
import static dev.patchbay.connector.ConnectorQueryFixtures.items;
import static dev.patchbay.connector.ConnectorQueryFixtures.restNoAuthBody;
import static dev.patchbay.connector.ConnectorQueryFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every include the connectors allow (DESIGN §3, the contract's list), on the list and on a single
 * connector, checked against what the demo catalog installs for each company.
 */
class ConnectorIncludeTests extends ApiTest {

    private static final String MASK = "********";
    private static final String ADMIN_EMAIL = "<the tenant administrator's email>";

    /** The connectors' whole allow-list, in the contract's order. */
    static final List<String> ALLOWED_INCLUDES = List.of(
            "authenticationImplementation",
            "authenticationImplementation_count",
            "authenticationImplementationExists",
            "authenticationImplementation.authenticationType",
            "authenticationImplementation.system",
            "authenticationImplementation.system.logo",
            "authenticationImplementation.endpoints",
            "authenticationImplementation.endpoints.filters",
            "authenticationImplementation.endpoints.endpointSchema",
            "authenticationImplementation.endpoints.system",
            "authenticationImplementation.endpoints.system.logo",
            "authenticationImplementation.endpoints.entityType",
            "authenticationImplementation.endpoints.fieldTags",
            "authenticationImplementation.system.systemType",
            "variables",
            "variables_count",
            "variablesExists",
            "authenticationImplementation.endpoints.variables",
            "certificate",
            "certificate_count",
            "certificateExists",
            "certificate.user");

    private static final List<String> RELATION_KEYS = List.of("authentication_implementation", "variables", "certificate",
            "authentication_implementation_count", "authentication_implementation_exists", "variables_count",
            "variables_exists", "certificate_count", "certificate_exists");

    /**
     * For each allowed include: the top-level key it adds, a JSON pointer inside the connector that it
     * must fill, and the value there for a Shopify connector with a certificate (endpoint 0 is "Get orders").
     */
    static Stream<Arguments> everyAllowedInclude() {
        String endpoint = "/authentication_implementation/endpoints/0";
        return Stream.of(
                Arguments.of("authenticationImplementation", "authentication_implementation",
                        "/authentication_implementation/name", "Admin API access token"),
                Arguments.of("authenticationImplementation_count", "authentication_implementation_count",
                        "/authentication_implementation_count", "1"),
                Arguments.of("authenticationImplementationExists", "authentication_implementation_exists",
                        "/authentication_implementation_exists", "true"),
                Arguments.of("authenticationImplementation.authenticationType", "authentication_implementation",
                        "/authentication_implementation/authentication_type/key", "token"),
                Arguments.of("authenticationImplementation.system", "authentication_implementation",
                        "/authentication_implementation/system/canonical_key", "shopify"),
                Arguments.of("authenticationImplementation.system.logo", "authentication_implementation",
                        "/authentication_implementation/system/logo/url", "https://cdn.shopify.com/static/shopify-favicon.png"),
                Arguments.of("authenticationImplementation.endpoints", "authentication_implementation",
                        endpoint + "/name", "Get orders"),
                Arguments.of("authenticationImplementation.endpoints.filters", "authentication_implementation",
                        endpoint + "/filters/0/parameter", "updated_at_min"),
                Arguments.of("authenticationImplementation.endpoints.endpointSchema", "authentication_implementation",
                        endpoint + "/endpoint_schema/schema/type", "object"),
                Arguments.of("authenticationImplementation.endpoints.system", "authentication_implementation",
                        endpoint + "/system/canonical_key", "shopify"),
                Arguments.of("authenticationImplementation.endpoints.system.logo", "authentication_implementation",
                        endpoint + "/system/logo/url", "https://cdn.shopify.com/static/shopify-favicon.png"),
                Arguments.of("authenticationImplementation.endpoints.entityType", "authentication_implementation",
                        endpoint + "/entity_type/name", "Orders"),
                Arguments.of("authenticationImplementation.endpoints.fieldTags", "authentication_implementation",
                        endpoint + "/field_tags/0/tag", "order_id"),
                Arguments.of("authenticationImplementation.system.systemType", "authentication_implementation",
                        "/authentication_implementation/system/system_type/name", "eCommerce"),
                Arguments.of("variables", "variables", "/variables/0/key", "shop"),
                Arguments.of("variables_count", "variables_count", "/variables_count", "3"),
                Arguments.of("variablesExists", "variables_exists", "/variables_exists", "true"),
                Arguments.of("authenticationImplementation.endpoints.variables", "authentication_implementation",
                        endpoint + "/variables/0/key", "status"),
                Arguments.of("certificate", "certificate", "/certificate/name", "Client cert"),
                Arguments.of("certificate_count", "certificate_count", "/certificate_count", "1"),
                Arguments.of("certificateExists", "certificate_exists", "/certificate_exists", "true"),
                Arguments.of("certificate.user", "certificate", "/certificate/user/email", ADMIN_EMAIL));
    }

    @Test
    void parametrizedCasesCoverTheWholeAllowList() {
        assertThat(everyAllowedInclude().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(ALLOWED_INCLUDES);
    }

    @ParameterizedTest(name = "include={0}")
    @MethodSource("everyAllowedInclude")
    void shouldAddOnlyTheRequestedIncludeWithItsContentOnListAndSingleGet(
            String include, String topKey, String pointer, String expected) {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "Client cert");
        long id = data.shopifyConnector(tenant, "Main shop", Map.of("certificate_id", certificate));
        String want = expected.equals(ADMIN_EMAIL) ? tenant.adminEmail() : expected;

        Response list = api.get(CONNECTORS + "?include=" + include, tenant.apiKey());
        Response single = api.get(CONNECTORS + "/" + id + "?include=" + include, tenant.apiKey());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        for (JsonNode connector : List.of(list.at("/data/0"), single.at("/data"))) {
            assertThat(connector.at(pointer).isMissingNode()).as(pointer + " in " + connector).isFalse();
            assertThat(connector.at(pointer).asString()).as(pointer).isEqualTo(want);
            assertThat(includedKeys(connector)).as("only the requested relation is added").containsExactly(topKey);
        }
        assertThat(single.at("/data")).as("the single GET shows the same as the list").isEqualTo(list.at("/data/0"));
    }

    @Test
    void shouldAddNoRelationCountOrFlagWhenNothingIsIncluded() {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "Cert");
        long id = data.shopifyConnector(tenant, "Plain", Map.of("certificate_id", certificate));

        JsonNode listed = api.get(CONNECTORS, tenant.apiKey()).at("/data/0");
        JsonNode single = api.get(CONNECTORS + "/" + id, tenant.apiKey()).at("/data");

        for (JsonNode connector : List.of(listed, single)) {
            assertThat(includedKeys(connector)).isEmpty();
            assertThat(connector.get("certificate_id").asLong()).as("the foreign key is a field, not an include")
                    .isEqualTo(certificate);
            assertThat(connector.at("/system/canonical_key").asString()).as("the system summary is always there")
                    .isEqualTo("shopify");
        }
    }

    @Test
    void shouldIncludeAuthenticationImplementationWithItsFieldsAndNoDeeperRelation() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode implementation = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation", tenant.apiKey())
                .at("/data/authentication_implementation");

        assertThat(implementation.get("id").asLong()).isEqualTo(tenant.catalog().shopifyTokenAuthId());
        assertThat(implementation.get("name").asString()).isEqualTo("Admin API access token");
        assertThat(implementation.get("system_id").asLong()).isEqualTo(tenant.catalog().shopifySystemId());
        assertThat(implementation.has("authentication_type_id")).isTrue();
        assertThat(implementation.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(implementation.has("authentication_type")).isFalse();
        assertThat(implementation.has("system")).isFalse();
        assertThat(implementation.has("endpoints")).isFalse();
        assertThat(implementation.isObject()).as("a to-one relation is an object").isTrue();
    }

    @Test
    void shouldIncludeTheAuthenticationTypeOfEachConnectorsImplementation() {
        Tenant tenant = data.company();
        data.shopifyConnector(tenant, "Shop");
        create(api, tenant, restNoAuthBody(tenant, "Open REST"));

        Response response = api.get(CONNECTORS + "?include=authenticationImplementation.authenticationType", tenant.apiKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode shopifyType = response.at("/data/0/authentication_implementation/authentication_type");
        assertThat(shopifyType.get("key").asString()).isEqualTo("token");
        assertThat(shopifyType.get("name").asString()).isEqualTo("Token");
        assertThat(shopifyType.get("id").asLong())
                .isEqualTo(response.at("/data/0/authentication_implementation/authentication_type_id").asLong());
        assertThat(response.at("/data/1/authentication_implementation/name").asString()).isEqualTo("No auth");
        assertThat(response.at("/data/1/authentication_implementation/authentication_type/key").asString()).isEqualTo("none");
    }

    @Test
    void shouldIncludeTheSystemWithItsLogoAndSystemType() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode system = api.get(CONNECTORS + "/" + id
                        + "?include=authenticationImplementation.system.logo,authenticationImplementation.system.systemType",
                tenant.apiKey()).at("/data/authentication_implementation/system");

        assertThat(system.get("id").asLong()).isEqualTo(tenant.catalog().shopifySystemId());
        assertThat(system.get("name").asString()).isEqualTo("Shopify");
        assertThat(system.get("canonical_key").asString()).isEqualTo("shopify");
        assertThat(system.get("system_template_id").asString()).isEqualTo("shopify");
        assertThat(system.get("colour").asString()).isEqualTo("#95bf47");
        assertThat(system.get("default_rate_limit_duration").asInt()).isEqualTo(2);
        assertThat(system.get("default_rate_limit_unit").asString()).isEqualTo("second");
        assertThat(system.at("/logo/url").asString()).isEqualTo("https://cdn.shopify.com/static/shopify-favicon.png");
        assertThat(system.at("/system_type/name").asString()).isEqualTo("eCommerce");
        assertThat(system.at("/system_type/id").asLong()).isEqualTo(system.get("system_type_id").asLong());
    }

    @Test
    void shouldShowANullLogoForASystemWithoutOne() {
        Tenant tenant = data.company();
        long id = create(api, tenant, restNoAuthBody(tenant, "Open REST"));

        JsonNode system = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.system.logo,"
                + "authenticationImplementation.system.systemType", tenant.apiKey()).at("/data/authentication_implementation/system");

        assertThat(system.get("canonical_key").asString()).isEqualTo("rest_api");
        assertThat(system.has("logo")).as("requested, so present").isTrue();
        assertThat(system.get("logo").isNull()).isTrue();
        assertThat(system.at("/system_type/name").asString()).isEqualTo("Other");
    }

    @Test
    void shouldIncludeTheEndpointsOfTheImplementationWithTheirFields() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints", tenant.apiKey())
                .at("/data/authentication_implementation/endpoints");

        assertThat(endpoints.isArray()).isTrue();
        assertThat(items(endpoints)).extracting(e -> e.get("name").asString()).containsExactly("Get orders", "Update product");
        JsonNode orders = endpoints.get(0);
        assertThat(orders.get("http_method").asString()).isEqualTo("GET");
        assertThat(orders.get("path").asString()).isEqualTo("/orders.json");
        assertThat(orders.get("direction").asString()).isEqualTo("Receive");
        assertThat(orders.get("data_type").asString()).isEqualTo("json");
        assertThat(orders.get("pagination_method").asString()).isEqualTo("link_header");
        assertThat(orders.get("returns_multiple_records").asBoolean()).isTrue();
        assertThat(orders.get("system_id").asLong()).isEqualTo(tenant.catalog().shopifySystemId());
        assertThat(orders.get("deprecated_at").isNull()).isTrue();
        assertThat(endpoints.get(1).get("http_method").asString()).isEqualTo("PUT");
        assertThat(endpoints.get(1).get("path").asString()).isEqualTo("/products/{{product_id}}.json");
        for (String deeper : List.of("filters", "endpoint_schema", "system", "entity_type", "field_tags", "variables")) {
            assertThat(orders.has(deeper)).as(deeper + " not requested").isFalse();
        }
    }

    @Test
    void shouldIncludeEachEndpointsFiltersInOrder() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.filters",
                tenant.apiKey()).at("/data/authentication_implementation/endpoints");

        JsonNode filters = endpoints.get(0).get("filters");
        assertThat(items(filters)).extracting(f -> f.get("parameter").asString()).containsExactly("updated_at_min", "status");
        assertThat(filters.get(0).get("name").asString()).isEqualTo("Updated since");
        assertThat(filters.get(0).get("type").asString()).isEqualTo("date");
        assertThat(filters.get(0).get("operator").asString()).isEqualTo("gte");
        assertThat(filters.get(1).get("name").asString()).isEqualTo("Status");
        assertThat(filters.get(1).get("type").asString()).isEqualTo("value");
        assertThat(filters.get(1).get("operator").asString()).isEqualTo("eq");
        assertThat(filters.get(0).get("endpoint_id").asLong()).isEqualTo(endpoints.get(0).get("id").asLong());
        assertThat(endpoints.get(1).get("filters").isArray()).as("an endpoint without filters").isTrue();
        assertThat(endpoints.get(1).get("filters")).isEmpty();
    }

    @Test
    void shouldIncludeTheEndpointSchemaAsJsonOrNullWhenThereIsNone() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.endpointSchema",
                tenant.apiKey()).at("/data/authentication_implementation/endpoints");

        JsonNode schema = endpoints.get(0).at("/endpoint_schema/schema");
        assertThat(schema.isObject()).as("the schema is JSON, not a string: " + schema).isTrue();
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.at("/properties/id/type").asString()).isEqualTo("integer");
        assertThat(schema.at("/properties/updated_at/format").asString()).isEqualTo("date-time");
        assertThat(endpoints.get(0).at("/endpoint_schema/endpoint_id").asLong()).isEqualTo(endpoints.get(0).get("id").asLong());
        assertThat(endpoints.get(1).has("endpoint_schema")).isTrue();
        assertThat(endpoints.get(1).get("endpoint_schema").isNull()).isTrue();
    }

    @Test
    void shouldIncludeTheEndpointsSystemWithItsLogo() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.system.logo",
                tenant.apiKey()).at("/data/authentication_implementation/endpoints");

        for (JsonNode endpoint : items(endpoints)) {
            assertThat(endpoint.at("/system/id").asLong()).isEqualTo(tenant.catalog().shopifySystemId());
            assertThat(endpoint.at("/system/name").asString()).isEqualTo("Shopify");
            assertThat(endpoint.at("/system/logo/url").asString()).isEqualTo("https://cdn.shopify.com/static/shopify-favicon.png");
        }
    }

    @Test
    void shouldIncludeTheEndpointsEntityType() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.entityType",
                tenant.apiKey()).at("/data/authentication_implementation/endpoints");

        assertThat(endpoints.get(0).at("/entity_type/name").asString()).isEqualTo("Orders");
        assertThat(endpoints.get(0).at("/entity_type/id").asLong()).isEqualTo(endpoints.get(0).get("entity_type_id").asLong());
        assertThat(endpoints.get(1).at("/entity_type/name").asString()).isEqualTo("Products");
    }

    @Test
    void shouldIncludeTheEndpointsFieldTags() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.fieldTags",
                tenant.apiKey()).at("/data/authentication_implementation/endpoints");

        JsonNode tags = endpoints.get(0).get("field_tags");
        assertThat(items(tags)).extracting(t -> t.get("path").asString() + " -> " + t.get("tag").asString())
                .containsExactly("orders.*.id -> order_id", "orders.*.updated_at -> updated_at");
        assertThat(endpoints.get(1).get("field_tags")).isEmpty();
    }

    @Test
    void shouldIncludeTheEndpointsOwnVariables() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode endpoints = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.variables",
                tenant.apiKey()).at("/data/authentication_implementation/endpoints");

        JsonNode variables = endpoints.get(0).get("variables");
        assertThat(variables).hasSize(1);
        assertThat(variables.get(0).get("key").asString()).isEqualTo("status");
        assertThat(variables.get(0).get("value").asString()).isEqualTo("any");
        assertThat(variables.get(0).get("label").asString()).isEqualTo("Order status");
        assertThat(variables.get(0).get("secret").asBoolean()).isFalse();
        assertThat(variables.get(0).at("/pivot/required").asBoolean()).isFalse();
        assertThat(endpoints.get(1).get("variables")).isEmpty();
    }

    @Test
    void shouldIncludeTheConnectorsVariablesWithTheSecretMaskedCountAndExists() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        Response single = api.get(CONNECTORS + "/" + id + "?include=variables,variables_count,variablesExists", tenant.apiKey());
        Response list = api.get(CONNECTORS + "?include=variables,variables_count,variablesExists", tenant.apiKey());

        for (JsonNode connector : List.of(single.at("/data"), list.at("/data/0"))) {
            JsonNode variables = connector.get("variables");
            assertThat(items(variables)).extracting(v -> v.get("key").asString())
                    .containsExactly("shop", "access_token", "api_version");
            assertThat(variables.get(0).get("value").asString()).isEqualTo("acme");
            assertThat(variables.get(1).get("secret").asBoolean()).isTrue();
            assertThat(variables.get(1).get("value").asString()).as("a secret is masked in includes").isEqualTo(MASK);
            assertThat(variables.get(2).get("value").asString()).isEqualTo("2024-10");
            assertThat(connector.get("variables_count").asInt()).isEqualTo(3);
            assertThat(connector.get("variables_exists").asBoolean()).isTrue();
        }
        assertThat(single.body()).doesNotContain("shpat_");
        assertThat(list.body()).doesNotContain("shpat_");
    }

    @Test
    void shouldMaskSecretVariablesWhenIncludedAlongsideEveryOtherInclude() {
        Tenant tenant = data.company();
        create(api, tenant, ConnectorQueryFixtures.sandboxBody(tenant, "Sandbox"));

        Response response = api.get(CONNECTORS + "?include=" + String.join(",", ALLOWED_INCLUDES), tenant.apiKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/0/variables/0/key").asString()).isEqualTo("api_key");
        assertThat(response.at("/data/0/variables/0/value").asString()).isEqualTo(MASK);
        assertThat(response.body()).doesNotContain("sandbox-key-123");
    }

    @Test
    void shouldCountAndFlagTheAuthenticationImplementationWithoutIncludingIt() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode connector = api.get(CONNECTORS + "/" + id
                + "?include=authenticationImplementation_count,authenticationImplementationExists", tenant.apiKey()).at("/data");

        assertThat(connector.get("authentication_implementation_count").asInt()).isEqualTo(1);
        assertThat(connector.get("authentication_implementation_exists").asBoolean()).isTrue();
        assertThat(connector.has("authentication_implementation")).isFalse();
    }

    @Test
    void shouldIncludeTheCertificateAndTheUserWhoUploadedIt() {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "Client cert");
        long id = data.shopifyConnector(tenant, "Shop", Map.of("certificate_id", certificate));

        Response response = api.get(CONNECTORS + "/" + id + "?include=certificate.user,certificate_count,certificateExists",
                tenant.apiKey());

        JsonNode connector = response.at("/data");
        assertThat(connector.get("certificate_id").asLong()).isEqualTo(certificate);
        JsonNode included = connector.get("certificate");
        assertThat(included.get("id").asLong()).isEqualTo(certificate);
        assertThat(included.get("name").asString()).isEqualTo("Client cert");
        assertThat(included.get("format").asString()).isEqualTo("pem");
        assertThat(included.get("subject").asString()).isEqualTo("CN=client.example.test,O=Patchbay Tests");
        assertThat(included.get("expires_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(included.at("/user/email").asString()).isEqualTo(tenant.adminEmail());
        assertThat(included.at("/user/name").asString()).isEqualTo("Administrator");
        assertThat(included.at("/user/id").asLong()).isEqualTo(included.get("user_id").asLong());
        assertThat(included.get("user").has("password_hash")).isFalse();
        assertThat(response.body()).doesNotContain("content_encrypted").doesNotContain("v1:test:AAAA");
        assertThat(connector.get("certificate_count").asInt()).isEqualTo(1);
        assertThat(connector.get("certificate_exists").asBoolean()).isTrue();
    }

    @Test
    void shouldShowNullCertificateZeroCountAndFalseExistsWhenThereIsNone() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "No cert");
        String query = "?include=certificate,certificate.user,certificate_count,certificateExists";

        for (JsonNode connector : List.of(api.get(CONNECTORS + "/" + id + query, tenant.apiKey()).at("/data"),
                api.get(CONNECTORS + query, tenant.apiKey()).at("/data/0"))) {
            assertThat(connector.has("certificate")).as("requested, so present").isTrue();
            assertThat(connector.get("certificate").isNull()).isTrue();
            assertThat(connector.get("certificate_count").asInt()).isZero();
            assertThat(connector.get("certificate_exists").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldLoadEveryPrefixOfANestedIncludeAndNothingBeside() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode connector = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.endpoints.system.logo",
                tenant.apiKey()).at("/data");

        assertThat(includedKeys(connector)).containsExactly("authentication_implementation");
        JsonNode implementation = connector.get("authentication_implementation");
        assertThat(implementation.get("name").asString()).isEqualTo("Admin API access token");
        assertThat(implementation.has("endpoints")).isTrue();
        assertThat(implementation.has("system")).as("the implementation's own system was not requested").isFalse();
        assertThat(implementation.has("authentication_type")).isFalse();
        JsonNode endpoint = implementation.at("/endpoints/0");
        assertThat(endpoint.get("name").asString()).isEqualTo("Get orders");
        assertThat(endpoint.at("/system/canonical_key").asString()).isEqualTo("shopify");
        assertThat(endpoint.at("/system/logo/url").asString()).isEqualTo("https://cdn.shopify.com/static/shopify-favicon.png");
        assertThat(endpoint.get("system").has("system_type")).isFalse();
        assertThat(endpoint.has("filters")).isFalse();

        JsonNode user = api.get(CONNECTORS + "/" + id + "?include=certificate.user", tenant.apiKey()).at("/data");
        assertThat(includedKeys(user)).as("certificate.user loads certificate").containsExactly("certificate");
    }

    @Test
    void shouldMergeOverlappingIncludesIntoOneTree() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        JsonNode implementation = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation,"
                        + "authenticationImplementation.endpoints.filters,authenticationImplementation.endpoints.fieldTags,"
                        + "authenticationImplementation.system,authenticationImplementation.system.systemType",
                tenant.apiKey()).at("/data/authentication_implementation");

        assertThat(implementation.at("/endpoints/0/filters")).hasSize(2);
        assertThat(implementation.at("/endpoints/0/field_tags")).hasSize(2);
        assertThat(implementation.at("/system/system_type/name").asString()).isEqualTo("eCommerce");
        assertThat(implementation.get("system").has("logo")).isFalse();
    }

    @Test
    void shouldAttachEachConnectorsOwnRelationsInAList() {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "Client cert");
        long shop = data.shopifyConnector(tenant, "Shop", Map.of("certificate_id", certificate));
        long rest = create(api, tenant, restNoAuthBody(tenant, "Open REST"));
        long sandbox = create(api, tenant, ConnectorQueryFixtures.sandboxBody(tenant, "Sandbox"));

        Response response = api.get(CONNECTORS + "?include=authenticationImplementation.system,"
                + "authenticationImplementation.endpoints,variables,certificate", tenant.apiKey());

        assertThat(ConnectorQueryFixtures.ids(response)).containsExactly(shop, rest, sandbox);
        JsonNode rows = response.at("/data");
        assertThat(rows.at("/0/authentication_implementation/system/canonical_key").asString()).isEqualTo("shopify");
        assertThat(rows.at("/1/authentication_implementation/system/canonical_key").asString()).isEqualTo("rest_api");
        assertThat(rows.at("/2/authentication_implementation/system/canonical_key").asString()).isEqualTo("sandbox");
        assertThat(items(rows.at("/0/authentication_implementation/endpoints"))).extracting(e -> e.get("name").asString())
                .containsExactly("Get orders", "Update product");
        assertThat(rows.at("/1/authentication_implementation/endpoints")).as("no auth has no linked endpoints").isEmpty();
        assertThat(items(rows.at("/2/authentication_implementation/endpoints"))).extracting(e -> e.get("name").asString())
                .containsExactly("List orders", "Create order");
        assertThat(items(rows.at("/1/variables"))).extracting(v -> v.get("key").asString()).containsExactly("base_url");
        assertThat(rows.at("/1/variables/0/value").asString()).isEqualTo("https://api.example.test");
        assertThat(items(rows.at("/2/variables"))).extracting(v -> v.get("key").asString()).containsExactly("api_key");
        assertThat(rows.at("/0/certificate/id").asLong()).isEqualTo(certificate);
        assertThat(rows.get(1).get("certificate").isNull()).isTrue();
        assertThat(rows.get(2).get("certificate").isNull()).isTrue();
    }

    @Test
    void shouldShowTheSameIncludesOnTheSingleGetAsOnTheList() {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "Client cert");
        data.shopifyConnector(tenant, "Shop", Map.of("certificate_id", certificate));
        long rest = create(api, tenant, with(restNoAuthBody(tenant, "Open REST"), Map.of("session_id", "s-1")));
        String everything = "?include=" + String.join(",", ALLOWED_INCLUDES);

        Response list = api.get(CONNECTORS + everything, tenant.apiKey());
        Response shopOnly = api.get(CONNECTORS + "/" + list.at("/data/0/id").asLong() + everything, tenant.apiKey());
        Response restOnly = api.get(CONNECTORS + "/" + rest + everything, tenant.apiKey());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(shopOnly.at("/data")).isEqualTo(list.at("/data/0"));
        assertThat(restOnly.at("/data")).isEqualTo(list.at("/data/1"));
        assertThat(includedKeys(shopOnly.at("/data"))).containsExactlyInAnyOrderElementsOf(RELATION_KEYS);
    }

    @Test
    void shouldRefuseAnUnknownIncludeOnTheSingleGetToo() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        Response response = api.get(CONNECTORS + "/" + id + "?include=authenticationImplementation.owner", tenant.apiKey());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.at("/message").asString()).contains("authenticationImplementation.owner")
                .contains("authenticationImplementation.endpoints.variables");
    }

    /** The keys an include may add that are present on this connector, in document order. */
    private static List<String> includedKeys(JsonNode connector) {
        return connector.propertyNames().stream().filter(RELATION_KEYS::contains).toList();
    }
}
