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
    private static final String SANDBOX_KEY = "sandbox-demo-key";

    /** The authentication method templates of a shipped definition, by key. */
    private JsonNode methodsOf(Tenant tenant, String key) {
        Response response = api.get("/api/v1/system-templates?filter%5Bkey%5D=" + key
                + "&include=authenticationImplementationTemplates", tenant.apiKey());
        return response.at("/data/0/authentication_implementation_templates");
    }

    /**
     * An instance of the shipped sandbox definition, whose credential check reaches the sandbox this
     * service serves (the other shipped systems are on the internet, which tests cannot reach).
     */
    private Map<String, Object> sandboxBody(Tenant tenant) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Sandbox (live)");
        body.put("authentication_implementation_template_id", methodsOf(tenant, "sandbox").get(0).get("id").asLong());
        body.put("timezone", "Europe/London");
        body.put("date_format", "U");
        body.put("rate_limit_unit", "second");
        body.put("rate_limit_duration", 25);
        body.put("variable_templates", List.of(Map.of("key", "api_key", "value", SANDBOX_KEY, "label", "API key",
                "secret", true)));
        return body;
    }

    private long count(String sql, long companyId) {
        return data.jdbc().sql(sql).param("c", companyId).query(Long.class).single();
    }

    @Test
    void shouldInstallTheConnectorAndCreateTheInstanceInOneCall() {
        Tenant tenant = emptyCompany(); // without the test catalog, whose own "sandbox" system is no installed definition
        Map<String, Object> body = sandboxBody(tenant);

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
        assertThat(instance.at("/variable_templates/0/key").asString()).isEqualTo("api_key");
        assertThat(instance.at("/variable_templates/0/value").asString()).isEqualTo(MASK);
        assertThat(response.body()).doesNotContain(SANDBOX_KEY);
        assertThat(instance.has("variables")).isFalse();
        Response asConnector = api.get("/api/v1/connectors/" + instance.get("id").asLong() + "?include=authenticationImplementation.system",
                tenant.apiKey());
        assertThat(asConnector.at("/data/authentication_implementation/system/canonical_key").asString()).isEqualTo("sandbox");
    }

    @Test
    void shouldReuseTheInstalledConnectorForTheNextInstance() {
        Tenant tenant = emptyCompany(); // without the test catalog, whose own "sandbox" system is no installed definition
        Response first = api.post("/api/v1/connector-instances", tenant.apiKey(), sandboxBody(tenant));
        Response second = api.post("/api/v1/connector-instances", tenant.apiKey(), sandboxBody(tenant));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.at("/data/authentication_implementation_id").asLong())
                .isEqualTo(first.at("/data/authentication_implementation_id").asLong());
        assertThat(count("SELECT count(*) FROM systems WHERE company_id = :c AND canonical_key = 'sandbox'", tenant.id())).isEqualTo(1);
    }

    @Test
    void shouldApplyTheTemplatesFlagsAndDefaults() {
        Tenant tenant = emptyCompany(); // without the test catalog, whose own "sandbox" system is no installed definition
        Map<String, Object> body = sandboxBody(tenant);
        body.put("variable_templates", List.of(Map.of("key", "api_key", "value", SANDBOX_KEY, "label", "Key",
                "pivot", Map.of("advanced", true))));

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> byKey = new HashMap<>();
        response.at("/data/variable_templates").forEach(v -> byKey.put(v.get("key").asString(), v));
        assertThat(byKey.get("api_key").get("secret").asBoolean()).as("secret from the template").isTrue();
        assertThat(byKey.get("api_key").get("value").asString()).isEqualTo(MASK);
        assertThat(byKey.get("api_key").at("/pivot/advanced").asBoolean()).as("flag from the request").isTrue();
        assertThat(byKey.get("base_url").get("value").asString()).as("default from the template")
                .isEqualTo("{{patchbay_url}}/sandbox");
    }

    @Test
    void shouldRefuseCredentialsTheSystemRefusesAndInstallNothing() {
        Tenant tenant = emptyCompany();
        Map<String, Object> body = sandboxBody(tenant);
        body.put("variable_templates", List.of(Map.of("key", "api_key", "value", "wrong-key", "label", "API key")));

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors/credentials/0").asString()).isEqualTo("The system answered 401 Unauthorized; expected 200 OK.");
        assertThat(response.at("/data/success").asBoolean()).isFalse();
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(401);
        assertThat(response.at("/data/request/headers/X-Api-Key").asString()).isEqualTo(MASK);
        assertThat(response.body()).doesNotContain("wrong-key");
        assertThat(count("SELECT count(*) FROM systems WHERE company_id = :c", tenant.id())).as("nothing installed").isZero();
        assertThat(count("SELECT count(*) FROM connectors WHERE company_id = :c", tenant.id())).isZero();
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
                Arguments.of("variable_templates", List.of(Map.of("key", "api_key", "value", "v")), "variable_templates.0.label",
                        "The variable_templates.0.label field is required."),
                Arguments.of("variable_templates", List.of(), "variable_templates", "`api_key`"),
                Arguments.of("variable_templates", List.of(Map.of("key", "api_key", "label", "K", "value", "x".repeat(1025))),
                        "variable_templates.0.value", "1024"));
    }

    @Test
    void shouldQuoteALabelInAnErrorAsItWasWrittenWhileNamingTheFieldsInThisRoutesTerms() {
        Tenant tenant = emptyCompany();
        Map<String, Object> body = sandboxBody(tenant);
        String label = "variables for the authentication implementation id (authentication_implementation_id)";
        body.put("variable_templates", List.of(Map.of("key", "api_key", "value", "", "label", label)));

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("variable_templates.0.value");
        assertThat(response.at("/errors/variable_templates.0.value/0").asString()).isEqualTo("The " + label + " value is required.");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("contractRules")
    void shouldRefuseEachBrokenRuleWithTheContractsErrorAndInstallNothing(String field, Object value, String errorField,
            String message) {
        Tenant tenant = emptyCompany(); // without the test catalog, whose own "sandbox" system is no installed definition
        Map<String, Object> body = sandboxBody(tenant);
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
        assertThat(count("SELECT count(*) FROM systems WHERE company_id = :c AND canonical_key = 'sandbox'", tenant.id()))
                .as("a refused instance leaves no installed connector behind").isZero();
    }

    @Test
    void shouldRefuseAnotherCompanysPool() {
        Tenant owner = data.company();
        Tenant other = emptyCompany();
        Map<String, Object> body = sandboxBody(other);
        body.put("connection_pool_id", data.pool(owner, "Not yours"));

        Response response = api.post("/api/v1/connector-instances", other.apiKey(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("connection_pool_id");
    }

    @Test
    void shouldLetOnlyManagersAndAdministratorsCreate() {
        Tenant tenant = emptyCompany(); // without the test catalog, whose own "sandbox" system is no installed definition
        assertThat(api.post("/api/v1/connector-instances", data.userWithRole(tenant, "standard"), sandboxBody(tenant)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/connector-instances", null, sandboxBody(tenant)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/connector-instances", data.userWithRole(tenant, "manager"), sandboxBody(tenant)).status())
                .isEqualTo(200);
    }

    /**
     * Every method of every shipped definition, by API alone: the sandbox's check passes; a method
     * whose check cannot run before the save (no auth, a browser consent) is created; every other
     * method's test request is rendered for its real system, which is out of reach here, so the
     * create is refused with the request it tried and nothing is saved.
     */
    @Test
    void shouldCheckAnInstanceOfEveryShippedDefinitionAsAManager() {
        Tenant empty = emptyCompany(); // test companies hold a fixed sandbox, shopify and rest_api: start from nothing
        String manager = data.userWithRole(empty, "manager");
        Response templates = api.get("/api/v1/system-templates?per_page=100&filter%5Bkey%5D=sandbox,shopify,woocommerce,"
                + "bigcommerce,magento2,hubspot,stripe,zendesk,netsuite,commercetools,xero,rest_api", manager);
        assertThat(templates.at("/meta/total").asInt()).isEqualTo(12);
        List<String> created = new ArrayList<>();
        Map<String, String> refused = new java.util.TreeMap<>();
        for (JsonNode template : templates.json().get("data")) {
            JsonNode definition = api.get("/api/v1/system-templates/" + template.get("id").asLong()
                    + "?include=authenticationImplementationTemplates", manager).at("/data");
            for (JsonNode method : definition.get("authentication_implementation_templates")) {
                JsonNode methodDefinition = definition.at("/definition/authentications").valueStream()
                        .filter(a -> a.get("key").asString().equals(method.get("key").asString())).findFirst().orElseThrow();
                List<Map<String, Object>> values = new ArrayList<>();
                methodDefinition.get("variables").forEach(variable -> {
                    String key = variable.get("key").asString();
                    if (key.equals("api_key") && template.get("key").asString().equals("sandbox")) {
                        values.add(Map.of("key", key, "value", SANDBOX_KEY, "label", "API key"));
                    } else if (variable.path("required").asBoolean(false) && !variable.has("value")) {
                        values.add(Map.of("key", key, "value", key.contains("url") ? "https://api.example.test" : "value-of-" + key.replace('_', '-'),
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

                String name = template.get("key").asString() + "/" + method.get("key").asString();
                if (response.status() == 200) {
                    created.add(name);
                } else {
                    assertThat(response.status()).as(name + ": " + response).isEqualTo(422);
                    assertThat(response.at("/errors/credentials/0").asString()).as(name).isNotBlank();
                    assertThat(response.at("/data/request/url").asString()).as(name + ": " + response).startsWith("https://");
                    refused.put(name, response.at("/data/request/url").asString());
                }
            }
        }
        assertThat(created).containsExactlyInAnyOrder("sandbox/api_key", "rest_api/none", "xero/oauth2");
        assertThat(refused).hasSizeGreaterThanOrEqualTo(13);
        assertThat(refused.get("stripe/secret_key")).isEqualTo("https://api.stripe.com/v1/balance");
        assertThat(refused.get("shopify/access_token")).startsWith("https://value-of-shop.myshopify.com/admin/api/");
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
