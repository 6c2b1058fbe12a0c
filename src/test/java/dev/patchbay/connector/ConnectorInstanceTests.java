package dev.patchbay.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The contract's "Create Connector Instance" ({@code POST /api/v1/connector-instances}), rule by rule. */
class ConnectorInstanceTests extends ApiTest {

    private static final String MASK = "********";

    /** The authentication method templates of a shipped definition, by key. */
    private JsonNode methodsOf(Tenant tenant, String key) {
        Response response = api.get("/api/v1/system-templates?filter%5Bkey%5D=" + key
                + "&include=authenticationImplementationTemplates", tenant.apiKey());
        return response.at("/data/0/authentication_implementation_templates");
    }

    private Map<String, Object> stripeBody(Tenant tenant) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Stripe (live)");
        body.put("authentication_implementation_template_id", methodsOf(tenant, "stripe").get(0).get("id").asLong());
        body.put("timezone", "Europe/London");
        body.put("date_format", "U");
        body.put("rate_limit_unit", "second");
        body.put("rate_limit_duration", 25);
        body.put("variable_templates", List.of(Map.of("key", "secret_key", "value", "sk_live_abc123", "label", "Secret key",
                "secret", true)));
        return body;
    }

    private long count(String sql, long companyId) {
        return data.jdbc().sql(sql).param("c", companyId).query(Long.class).single();
    }

    @Test
    void shouldInstallTheConnectorAndCreateTheInstanceInOneCall() {
        Tenant tenant = data.company();
        Map<String, Object> body = stripeBody(tenant);

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode instance = response.at("/data");
        assertThat(instance.get("id").asLong()).isPositive();
        assertThat(instance.get("authentication_implementation_template_id").asLong())
                .isEqualTo(body.get("authentication_implementation_template_id"));
        assertThat(instance.get("timezone").asString()).isEqualTo("Europe/London");
        assertThat(instance.get("date_format").asString()).isEqualTo("U");
        assertThat(instance.get("rate_limit_unit").asString()).isEqualTo("second");
        assertThat(instance.get("rate_limit_duration").asInt()).isEqualTo(25);
        assertThat(instance.get("connection_pool_id").isNull()).isTrue();
        assertThat(instance.get("created_at").asString()).endsWith("Z");
        assertThat(instance.at("/variable_templates/0/key").asString()).isEqualTo("secret_key");
        assertThat(instance.at("/variable_templates/0/value").asString()).isEqualTo(MASK);
        assertThat(response.body()).doesNotContain("sk_live_abc123");
        assertThat(instance.has("variables")).isFalse();
        Response asConnector = api.get("/api/v1/connectors/" + instance.get("id").asLong() + "?include=authenticationImplementation.system",
                tenant.apiKey());
        assertThat(asConnector.at("/data/authentication_implementation/system/canonical_key").asString()).isEqualTo("stripe");
    }

    @Test
    void shouldReuseTheInstalledConnectorForTheNextInstance() {
        Tenant tenant = data.company();
        Response first = api.post("/api/v1/connector-instances", tenant.apiKey(), stripeBody(tenant));
        Response second = api.post("/api/v1/connector-instances", tenant.apiKey(), stripeBody(tenant));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.at("/data/authentication_implementation_id").asLong())
                .isEqualTo(first.at("/data/authentication_implementation_id").asLong());
        assertThat(count("SELECT count(*) FROM systems WHERE company_id = :c AND canonical_key = 'stripe'", tenant.id())).isEqualTo(1);
    }

    @Test
    void shouldApplyTheTemplatesFlagsAndDefaults() {
        Tenant tenant = data.company();
        Map<String, Object> body = stripeBody(tenant);
        body.put("authentication_implementation_template_id", methodsOf(tenant, "commercetools").get(0).get("id").asLong());
        body.put("variable_templates", List.of(
                Map.of("key", "project_key", "value", "acme-prod", "label", "Project"),
                Map.of("key", "client_id", "value", "id-1", "label", "Client", "pivot", Map.of("advanced", true)),
                Map.of("key", "client_secret", "value", "very-secret", "label", "Secret"),
                Map.of("key", "scope", "value", "manage_orders:acme-prod", "label", "Scope")));

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> byKey = new HashMap<>();
        response.at("/data/variable_templates").forEach(v -> byKey.put(v.get("key").asString(), v));
        assertThat(byKey.get("client_secret").get("secret").asBoolean()).as("secret from the template").isTrue();
        assertThat(byKey.get("client_secret").get("value").asString()).isEqualTo(MASK);
        assertThat(byKey.get("client_id").at("/pivot/advanced").asBoolean()).as("flag from the request").isTrue();
        assertThat(byKey.get("region").get("value").asString()).as("default from the template").isEqualTo("europe-west1.gcp");
    }

    static Stream<Arguments> contractRules() {
        return Stream.of(
                Arguments.of("name", null, "name", "The name field is required."),
                Arguments.of("authentication_implementation_template_id", null, "authentication_implementation_template_id",
                        "The authentication implementation template id field is required."),
                Arguments.of("authentication_implementation_template_id", 987654321L, "authentication_implementation_template_id",
                        "The selected authentication implementation template id is invalid."),
                Arguments.of("timezone", null, "timezone", "The timezone field is required."),
                Arguments.of("timezone", "Atlantis/Capital", "timezone", "IANA"),
                Arguments.of("date_format", null, "date_format", "The date format field is required."),
                Arguments.of("date_format", "Y-m-d Q", "date_format", "`Q`"),
                Arguments.of("rate_limit_unit", null, "rate_limit_unit", "The rate limit unit field is required."),
                Arguments.of("rate_limit_unit", "week", "rate_limit_unit", "second, minute, hour, day"),
                Arguments.of("rate_limit_duration", null, "rate_limit_duration", "The rate limit duration field is required."),
                Arguments.of("rate_limit_duration", 0, "rate_limit_duration", "at least 1"),
                Arguments.of("rate_limit_duration", "many", "rate_limit_duration", "The rate limit duration field must be an integer."),
                Arguments.of("connection_pool_id", 987654321L, "connection_pool_id", "The selected connection pool id is invalid."),
                Arguments.of("variable_templates", List.of(Map.of("value", "v", "label", "L")), "variable_templates.0.key",
                        "The variable_templates.0.key field is required."),
                Arguments.of("variable_templates", List.of(Map.of("key", "secret_key", "value", "v")), "variable_templates.0.label",
                        "The variable_templates.0.label field is required."),
                Arguments.of("variable_templates", List.of(), "variable_templates", "`secret_key`"),
                Arguments.of("variable_templates", List.of(Map.of("key", "secret_key", "label", "K", "value", "x".repeat(1025))),
                        "variable_templates.0.value", "1024"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("contractRules")
    void shouldRefuseEachBrokenRuleWithTheContractsErrorAndInstallNothing(String field, Object value, String errorField,
            String message) {
        Tenant tenant = data.company();
        Map<String, Object> body = stripeBody(tenant);
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).contains(errorField);
        assertThat(response.at("/errors/" + errorField.replace("/", "~1")).toString()).contains(message);
        assertThat(count("SELECT count(*) FROM connectors WHERE company_id = :c", tenant.id())).isZero();
        assertThat(count("SELECT count(*) FROM systems WHERE company_id = :c AND canonical_key = 'stripe'", tenant.id()))
                .as("a refused instance leaves no installed connector behind").isZero();
    }

    @Test
    void shouldRefuseAnotherCompanysPool() {
        Tenant owner = data.company();
        Tenant other = data.company();
        Map<String, Object> body = stripeBody(other);
        body.put("connection_pool_id", data.pool(owner, "Not yours"));

        Response response = api.post("/api/v1/connector-instances", other.apiKey(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("connection_pool_id");
    }

    @Test
    void shouldLetOnlyManagersAndAdministratorsCreate() {
        Tenant tenant = data.company();
        assertThat(api.post("/api/v1/connector-instances", data.userWithRole(tenant, "standard"), stripeBody(tenant)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/connector-instances", null, stripeBody(tenant)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/connector-instances", data.userWithRole(tenant, "manager"), stripeBody(tenant)).status())
                .isEqualTo(200);
    }

    @Test
    void shouldCreateAnInstanceFromEveryShippedDefinitionAsAManager() {
        Tenant empty = emptyCompany(); // test companies hold a fixed sandbox, shopify and rest_api: start from nothing
        String manager = data.userWithRole(empty, "manager");
        Response templates = api.get("/api/v1/system-templates?per_page=100&filter%5Bkey%5D=sandbox,shopify,woocommerce,"
                + "bigcommerce,magento2,hubspot,stripe,zendesk,netsuite,commercetools,xero,rest_api", manager);
        assertThat(templates.at("/meta/total").asInt()).isEqualTo(12);
        List<String> created = new ArrayList<>();
        for (JsonNode template : templates.json().get("data")) {
            JsonNode definition = api.get("/api/v1/system-templates/" + template.get("id").asLong()
                    + "?include=authenticationImplementationTemplates", manager).at("/data");
            for (JsonNode method : definition.get("authentication_implementation_templates")) {
                JsonNode methodDefinition = definition.at("/definition/authentications").valueStream()
                        .filter(a -> a.get("key").asString().equals(method.get("key").asString())).findFirst().orElseThrow();
                List<Map<String, Object>> values = new ArrayList<>();
                methodDefinition.get("variables").forEach(variable -> {
                    if (variable.path("required").asBoolean(false) && !variable.has("value")) {
                        values.add(Map.of("key", variable.get("key").asString(), "value", "value-of-" + variable.get("key").asString(),
                                "label", variable.get("label").asString()));
                    }
                });
                Map<String, Object> body = new HashMap<>();
                body.put("name", template.get("name").asString() + " / " + method.get("name").asString());
                body.put("authentication_implementation_template_id", method.get("id").asLong());
                body.put("timezone", "UTC");
                body.put("date_format", definition.at("/definition/system/default_date_format").asString());
                body.put("rate_limit_unit", definition.at("/definition/system/default_rate_limit/unit").asString());
                body.put("rate_limit_duration", definition.at("/definition/system/default_rate_limit/amount").asInt());
                body.put("variable_templates", values);

                Response response = api.post("/api/v1/connector-instances", manager, body);

                assertThat(response.status()).as(template.get("key").asString() + "/" + method.get("key").asString() + ": " + response)
                        .isEqualTo(200);
                created.add(template.get("key").asString() + "/" + method.get("key").asString());
            }
        }
        assertThat(created).hasSizeGreaterThanOrEqualTo(16);
        assertThat(api.get("/api/v1/connectors?per_page=100", manager).at("/meta/total").asInt()).isEqualTo(created.size());
    }

    /** A company without the test catalog, created through the platform API as a real customer would be. */
    private Tenant emptyCompany() {
        String email = "empty-" + java.util.UUID.randomUUID() + "@example.test";
        Response company = api.post("/api/v1/companies", PLATFORM_API_KEY,
                Map.of("name", "Empty company", "admin", Map.of("email", email, "password", "correct-horse-battery")));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        return new Tenant(company.at("/data/id").asLong(), company.at("/data/api_key").asString(), email, "correct-horse-battery",
                null);
    }
}
