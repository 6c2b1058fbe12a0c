package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body with several wrong fields of different kinds (a wrong JSON type, a value out of its set, an
 * unknown id) reports every one of them in one 422, as Laravel does, on every kind of write route.
 */
class MistypedBodyTests extends ApiTest {

    @Test
    void shouldReportEveryWrongFieldOfAConnectorCreateAtOnce() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "All wrong"));
        body.put("rate_limit_duration", "abc");
        body.put("rate_limit_unit", "week");
        body.put("timezone", "Mars/Olympus");
        body.put("authentication_implementation_id", 999_999_999);
        body.put("connection_pool_id", List.of(1));
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop", "secret", "yes")));

        Response response = api.post("/api/v1/connectors", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("rate_limit_duration",
                "rate_limit_unit", "timezone", "authentication_implementation_id", "connection_pool_id", "variables.0.secret");
        assertThat(response.at("/errors/rate_limit_duration").toString())
                .isEqualTo("[\"The rate limit duration field must be an integer.\"]");
        assertThat(response.at("/errors/connection_pool_id/0").asString()).isEqualTo("The connection pool id field must be an integer.");
        assertThat(response.at("/errors/variables.0.secret/0").asString()).isEqualTo("The variables.0.secret field must be true or false.");
        assertThat(response.at("/message").asString()).endsWith("(and 5 more errors)");
        assertThat(api.get("/api/v1/connectors", tenant.apiKey()).at("/meta/total").asLong()).isZero();
    }

    @Test
    void shouldReportEveryWrongFieldOfAConnectorUpdateAtOnceAndChangeNothing() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Kept");
        Map<String, Object> body = new HashMap<>();
        body.put("name", 42);
        body.put("rate_limit_duration", 1.5);
        body.put("timezone", "Mars/Olympus");
        body.put("authentication_implementation_id", 999_999_999);
        body.put("certificate_id", "abc");
        body.put("variables", "not a list");

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "rate_limit_duration", "timezone",
                "authentication_implementation_id", "certificate_id", "variables");
        assertThat(response.at("/errors/name/0").asString()).isEqualTo("The name field must be a string.");
        assertThat(response.at("/errors/variables").toString()).isEqualTo("[\"The variables field must be an array.\"]");
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).at("/data/name").asString()).isEqualTo("Kept");
    }

    @Test
    void shouldReportEveryWrongFieldOfAConnectorInstanceAtOnce() {
        Tenant tenant = data.company();
        long template = api.get("/api/v1/system-templates?filter%5Bkey%5D=stripe&include=authenticationImplementationTemplates",
                tenant.apiKey()).at("/data/0/authentication_implementation_templates/0/id").asLong();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Stripe");
        body.put("authentication_implementation_template_id", template);
        body.put("timezone", "Mars/Olympus");
        body.put("date_format", "U");
        body.put("rate_limit_unit", "week");
        body.put("rate_limit_duration", "abc");
        body.put("variable_templates", List.of(Map.of("key", "secret_key", "value", "sk", "label", "Key", "locked", "no")));

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).contains("timezone", "rate_limit_unit", "rate_limit_duration",
                "variable_templates.0.locked");
        assertThat(response.at("/errors/rate_limit_duration").toString())
                .isEqualTo("[\"The rate limit duration field must be an integer.\"]");
        assertThat(response.at("/errors/variable_templates.0.locked/0").asString())
                .isEqualTo("The variable_templates.0.locked field must be true or false.");
    }

    @Test
    void shouldReportAnUnreadableTemplateIdOnceOnAConnectorInstance() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/connector-instances", tenant.apiKey(),
                Map.of("name", "Stripe", "authentication_implementation_template_id", "abc", "timezone", "Mars/Olympus"));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors/authentication_implementation_template_id").toString())
                .isEqualTo("[\"The authentication implementation template id field must be an integer.\"]");
        assertThat(response.at("/errors").propertyNames()).contains("timezone");
    }

    @Test
    void shouldReportEveryWrongFieldOfABuilderSystemAtOnce() {
        Tenant tenant = data.company();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", true);
        body.put("canonical_key", "Not Valid");
        body.put("system_type_id", 999_999);
        body.put("default_rate_limit_duration", "abc");
        body.put("default_rate_limit_unit", "week");
        body.put("colour", "red");

        Response response = api.post("/api/v1/systems", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "canonical_key", "system_type_id",
                "default_rate_limit_duration", "default_rate_limit_unit", "colour");
        assertThat(response.at("/errors/name").toString()).isEqualTo("[\"The name field must be a string.\"]");
    }

    @Test
    void shouldReportEveryWrongFieldOfABuilderVariableUpdateAtOnce() {
        Tenant tenant = data.company();
        long implementation = tenant.catalog().restBasicAuthId();
        Response created = api.post("/api/v1/authentication-implementations/" + implementation + "/variables", tenant.apiKey(),
                Map.of("key", "region", "label", "Region", "value", "eu"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Response response = api.put("/api/v1/variables/" + created.at("/data/id").asLong(), tenant.apiKey(),
                Map.of("secret", "yes", "value", "x".repeat(1025), "pivot", Map.of("required", 2)));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("secret", "value", "pivot.required");
    }

    @Test
    void shouldReportEveryWrongFieldOfAPoolAtOnce() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/connection-pools", tenant.apiKey(),
                Map.of("name", 7, "limit", "abc", "timeout", 1.5));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "limit", "timeout");
        assertThat(response.at("/errors/limit").toString()).isEqualTo("[\"The limit field must be an integer.\"]");
        assertThat(response.at("/errors/timeout").toString()).isEqualTo("[\"The timeout field must be an integer.\"]");
    }

    @Test
    void shouldReportEveryWrongFieldOfAProcessFlowAtOnce() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/process-flows", tenant.apiKey(),
                Map.of("name", "Orders", "enabled", "yes",
                        "steps", List.of(Map.of("connector_id", "abc", "endpoint_id", 999_999_999), "not a step")));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("enabled", "steps.0.connector_id",
                "steps.0.endpoint_id", "steps.1");
        assertThat(response.at("/errors/steps.1").toString()).isEqualTo("[\"The steps.1 field must be an object.\"]");
    }

    @Test
    void shouldReportEveryWrongFieldOfACertificateAtOnce() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/certificates", tenant.apiKey(),
                Map.of("certificate", "not a certificate", "name", 1234, "connector_id", "abc"));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "connector_id", "certificate");
    }

    @Test
    void shouldReportEveryWrongFieldOfAUserAtOnce() {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));

        Response response = api.post("/api/v1/users", admin,
                Map.of("name", 5, "email", "not-an-email", "password", List.of("x"), "role", "king"));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "email", "password", "role");
        assertThat(response.at("/errors/password").toString()).isEqualTo("[\"The password field must be a string.\"]");
    }

    @Test
    void shouldReportEveryWrongFieldOfAnApiKeyAtOnce() {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));

        Response response = api.post("/api/v1/api-keys", admin, Map.of("name", "", "read_only", "yes"));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "read_only");
        assertThat(api.get("/api/v1/api-keys", admin).at("/data").size()).isEqualTo(1);
    }
}
