package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scalar forms Laravel's rules accept, and nothing looser: {@code boolean} takes true, false, 1,
 * 0, "1" and "0"; {@code integer} takes 60 and "60". And a password BCrypt cannot hash is a 422.
 */
class LaravelScalarTests extends ApiTest {

    private static final List<Object> TRUE_FORMS = List.of(true, 1, "1");
    private static final List<Object> FALSE_FORMS = List.of(false, 0, "0");
    private static final List<Object> NOT_BOOLEANS = List.of("yes", "true", "false", 2, -1, 1.0, 0.5, "01", "", List.of(), Map.of());
    private static final List<Object> NOT_INTEGERS = List.of("yes", 1.5, "1.5", "abc", "60.0", "", true, List.of(60), Map.of());

    @Test
    void shouldAcceptEveryBooleanFormLaravelAccepts() {
        Tenant tenant = data.company();
        String admin = admin(tenant);

        for (Object form : TRUE_FORMS) {
            Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "Key " + form, "read_only", form));
            assertThat(created.status()).as(form + " -> " + created).isEqualTo(201);
            assertThat(created.at("/data/read_only").asBoolean()).as(String.valueOf(form)).isTrue();
        }
        for (Object form : FALSE_FORMS) {
            Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "Key " + form, "read_only", form));
            assertThat(created.status()).as(form + " -> " + created).isEqualTo(201);
            assertThat(created.at("/data/read_only").asBoolean()).as(String.valueOf(form)).isFalse();
        }
    }

    @Test
    void shouldAcceptTheStringOneAsSecretOnAConnectorVariable() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "String flags"));
        body.put("variables", List.of(
                Map.of("key", "shop", "value", "acme", "label", "Shop", "secret", "0", "locked", 1),
                Map.of("key", "access_token", "value", "shpat_abc", "label", "Token", "secret", "1",
                        "pivot", Map.of("required", "1", "advanced", 0))));

        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.at("/data/variables/0/secret").asBoolean()).isFalse();
        assertThat(created.at("/data/variables/0/locked").asBoolean()).isTrue();
        assertThat(created.at("/data/variables/1/secret").asBoolean()).isTrue();
        assertThat(created.at("/data/variables/1/value").asString()).isNotEqualTo("shpat_abc");
        assertThat(created.at("/data/variables/1/pivot/required").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseEveryOtherBooleanFormNamingTheField() {
        Tenant tenant = data.company();
        String admin = admin(tenant);

        for (Object form : NOT_BOOLEANS) {
            Response refused = api.post("/api/v1/api-keys", admin, Map.of("name", "Key", "read_only", form));
            assertThat(refused.status()).as(form + " -> " + refused).isEqualTo(422);
            assertThat(refused.at("/errors/read_only").toString()).as(String.valueOf(form))
                    .isEqualTo("[\"The read only field must be true or false.\"]");
        }
        assertThat(api.get("/api/v1/api-keys", admin).at("/data").size()).isEqualTo(1);
    }

    @Test
    void shouldAcceptAnIntegerAsANumberOrAsAString() {
        Tenant tenant = data.company();

        for (Object form : List.of(60, "60", "+60")) {
            long id = data.shopifyConnector(tenant, "Rate " + form, Map.of("rate_limit_duration", form));
            Response connector = api.get("/api/v1/connectors/" + id, tenant.apiKey());
            assertThat(connector.at("/data/rate_limit_duration").asInt()).as(String.valueOf(form)).isEqualTo(60);
        }
        Response pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "P", "limit", "5", "timeout", 30));
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        assertThat(pool.at("/data/limit").asInt()).isEqualTo(5);
    }

    @Test
    void shouldRefuseEveryOtherIntegerFormNamingTheFieldAndTheType() {
        Tenant tenant = data.company();

        for (Object form : NOT_INTEGERS) {
            Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Rate"));
            body.put("rate_limit_duration", form);
            Response refused = api.post("/api/v1/connectors", tenant.apiKey(), body);
            assertThat(refused.status()).as(form + " -> " + refused).isEqualTo(422);
            assertThat(refused.at("/errors").propertyNames()).as(String.valueOf(form)).containsExactly("rate_limit_duration");
            assertThat(refused.at("/errors/rate_limit_duration/0").asString()).as(String.valueOf(form))
                    .isEqualTo("The rate limit duration field must be an integer.");
        }
        Map<String, Object> tooBig = new HashMap<>(data.shopifyBody(tenant, "Rate"));
        tooBig.put("rate_limit_duration", "99999999999");
        Response refused = api.post("/api/v1/connectors", tenant.apiKey(), tooBig);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/errors/rate_limit_duration/0").asString())
                .isEqualTo("The rate limit duration field must not be greater than 2147483647.");
        assertThat(api.get("/api/v1/connectors", tenant.apiKey()).at("/meta/total").asLong()).isZero();
    }

    @Test
    void shouldRefuseAPasswordLongerThan72BytesWith422NamingTheField() {
        Tenant tenant = data.company();
        String admin = admin(tenant);

        Response ascii = api.post("/api/v1/users", admin,
                Map.of("name", "Long", "email", "long@example.test", "password", "p".repeat(73), "role", "manager"));
        Response accents = api.post("/api/v1/users", admin,
                Map.of("name", "Long", "email", "long@example.test", "password", "é".repeat(37), "role", "manager"));
        Response company = api.post("/api/v1/companies", PLATFORM_API_KEY,
                Map.of("name", "Long Ltd", "admin", Map.of("email", "long-admin@example.test", "password", "p".repeat(100))));
        Response fits = api.post("/api/v1/users", admin,
                Map.of("name", "Fits", "email", "fits@example.test", "password", "p".repeat(72), "role", "manager"));

        for (Response refused : List.of(ascii, accents)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.at("/errors").propertyNames()).containsExactly("password");
            assertThat(refused.at("/errors/password/0").asString()).contains("72 bytes");
        }
        assertThat(company.status()).as(company.toString()).isEqualTo(422);
        assertThat(company.at("/errors").propertyNames()).containsExactly("admin.password");
        assertThat(fits.status()).as(fits.toString()).isEqualTo(201);
        assertThat(api.post("/fabric/api/login", null, Map.of("username", "fits@example.test", "password", "p".repeat(72)))
                .status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401NotAServerErrorForALoginWithAnOverlongPassword() {
        Tenant tenant = data.company();

        Response login = api.post("/fabric/api/login", null, Map.of("username", tenant.adminEmail(), "password", "p".repeat(200)));

        assertThat(login.status()).as(login.toString()).isEqualTo(401);
    }

    private String admin(Tenant tenant) {
        return Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
    }
}
