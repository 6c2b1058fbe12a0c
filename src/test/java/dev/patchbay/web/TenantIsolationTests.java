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
import tools.jackson.databind.JsonNode;

/** Company B must never see, change or reference company A's records: they are reported as not found. */
class TenantIsolationTests extends ApiTest {

    @Test
    void shouldReturn404WhenGettingAnotherCompanysConnector() {
        Tenant a = data.company();
        Tenant b = data.company();
        long id = data.shopifyConnector(a, "A's shop");

        for (String caller : List.of(b.apiKey(), adminBearer(b))) {
            Response plain = api.get("/api/v1/connectors/" + id, caller);
            Response withIncludes = api.get("/api/v1/connectors/" + id + "?include=variables,authenticationImplementation.system",
                    caller);
            for (Response response : List.of(plain, withIncludes)) {
                assertNotFound(response, id);
                assertThat(response.body()).doesNotContain("A's shop");
            }
        }
    }

    @Test
    void shouldReturn404WhenUpdatingAnotherCompanysConnectorAndLeaveItUnchanged() {
        Tenant a = data.company();
        Tenant b = data.company();
        long id = data.shopifyConnector(a, "A's shop");
        JsonNode before = api.get("/api/v1/connectors/" + id + "?include=variables", a.apiKey()).at("/data");
        long shopVariable = before.at("/variables/0/id").asLong();

        Response response = api.put("/api/v1/connectors/" + id, b.apiKey(), Map.of(
                "name", "Hijacked",
                "rate_limit_duration", 1,
                "variables", List.of(Map.of("id", shopVariable, "value", "evil-shop"))));

        assertNotFound(response, id);
        JsonNode after = api.get("/api/v1/connectors/" + id + "?include=variables", a.apiKey()).at("/data");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void shouldReturn404WhenDeletingAnotherCompanysConnectorAndKeepIt() {
        Tenant a = data.company();
        Tenant b = data.company();
        long id = data.shopifyConnector(a, "A's shop");

        Response response = api.delete("/api/v1/connectors/" + id, b.apiKey());

        assertNotFound(response, id);
        Response still = api.get("/api/v1/connectors/" + id + "?include=variables", a.apiKey());
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.at("/data/name").asString()).isEqualTo("A's shop");
        assertThat(still.at("/data/variables")).hasSize(3);
    }

    @Test
    void shouldNotListAnotherCompanysConnectors() {
        Tenant a = data.company();
        Tenant b = data.company();
        long aConnector = data.shopifyConnector(a, "A's shop");
        long bConnector = data.shopifyConnector(b, "B's shop");

        Response list = api.get("/api/v1/connectors?per_page=100&include=variables,authenticationImplementation.system", b.apiKey());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(bConnector);
        assertThat(list.at("/meta/total").asLong()).isEqualTo(1);
        assertThat(list.body()).doesNotContain("A's shop");
        assertThat(ids(api.get("/api/v1/connectors", a.apiKey()))).containsExactly(aConnector);
    }

    @Test
    void shouldNotRevealAnotherCompanysConnectorsThroughFilters() {
        Tenant a = data.company();
        Tenant b = data.company();
        long aConnector = data.shopifyConnector(a, "A's shop");
        long bConnector = data.shopifyConnector(b, "B's shop");
        long aSystem = a.catalog().shopifySystemId();
        long bSystem = b.catalog().shopifySystemId();

        Response bySystem = api.get("/api/v1/connectors?filter%5Bsystem%5D=" + aSystem, b.apiKey());
        Response byBothSystems = api.get("/api/v1/connectors?filter%5Bsystem%5D=" + aSystem + "," + bSystem, b.apiKey());
        Response byCanonicalKey = api.get("/api/v1/connectors?filter%5Bcanonical_key%5D=shopify", b.apiKey());

        assertThat(bySystem.status()).as(bySystem.toString()).isEqualTo(200);
        assertThat(ids(bySystem)).isEmpty();
        assertThat(bySystem.at("/meta/total").asLong()).isZero();
        assertThat(ids(byBothSystems)).containsExactly(bConnector);
        assertThat(ids(byCanonicalKey)).containsExactly(bConnector);
        assertThat(ids(api.get("/api/v1/connectors?filter%5Bsystem%5D=" + aSystem, a.apiKey()))).containsExactly(aConnector);
    }

    @Test
    void shouldReturn422WhenCreatingConnectorWithAnotherCompanysAuthenticationImplementation() {
        Tenant a = data.company();
        Tenant b = data.company();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(b, "Borrowed auth"));
        body.put("authentication_implementation_id", a.catalog().shopifyTokenAuthId());

        Response response = api.post("/api/v1/connectors", b.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").has("authentication_implementation_id")).isTrue();
        assertNoConnectors(a, b);
    }

    @Test
    void shouldReturn422WhenCreatingConnectorWithAnotherCompanysConnectionPool() {
        Tenant a = data.company();
        Tenant b = data.company();
        long aPool = data.pool(a, "A's pool");

        Response response = api.post("/api/v1/connectors", b.apiKey(),
                with(data.shopifyBody(b, "Borrowed pool"), "connection_pool_id", aPool));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactly("connection_pool_id");
        assertNoConnectors(a, b);
    }

    @Test
    void shouldReturn422WhenCreatingConnectorWithAnotherCompanysCertificate() {
        Tenant a = data.company();
        Tenant b = data.company();
        long aCertificate = data.certificate(a, "A's certificate");

        Response response = api.post("/api/v1/connectors", b.apiKey(),
                with(data.shopifyBody(b, "Borrowed certificate"), "certificate_id", aCertificate));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactly("certificate_id");
        assertNoConnectors(a, b);
    }

    @Test
    void shouldReturn422WhenUpdatingOwnConnectorToUseAnotherCompanysPoolOrCertificate() {
        Tenant a = data.company();
        Tenant b = data.company();
        long bConnector = data.shopifyConnector(b, "B's shop");
        long aPool = data.pool(a, "A's pool");
        long aCertificate = data.certificate(a, "A's certificate");

        Response response = api.put("/api/v1/connectors/" + bConnector, b.apiKey(),
                Map.of("connection_pool_id", aPool, "certificate_id", aCertificate, "variables", List.of()));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).contains("connection_pool_id", "certificate_id");
        JsonNode after = api.get("/api/v1/connectors/" + bConnector, b.apiKey()).at("/data");
        assertThat(after.get("connection_pool_id").isNull()).isTrue();
        assertThat(after.get("certificate_id").isNull()).isTrue();
    }

    @Test
    void shouldReturn422WhenUpdatingOwnConnectorWithAnotherCompanysVariableOrAuthentication() {
        Tenant a = data.company();
        Tenant b = data.company();
        long aConnector = data.shopifyConnector(a, "A's shop");
        long bConnector = data.shopifyConnector(b, "B's shop");
        JsonNode aBefore = api.get("/api/v1/connectors/" + aConnector + "?include=variables", a.apiKey()).at("/data");
        long aVariable = aBefore.at("/variables/0/id").asLong();

        Response foreignVariable = api.put("/api/v1/connectors/" + bConnector, b.apiKey(),
                Map.of("variables", List.of(Map.of("id", aVariable, "value", "evil-shop", "label", "Evil"))));
        Response foreignAuth = api.put("/api/v1/connectors/" + bConnector, b.apiKey(),
                Map.of("authentication_implementation_id", a.catalog().shopifyTokenAuthId(), "variables", List.of()));

        assertThat(foreignVariable.status()).as(foreignVariable.toString()).isEqualTo(422);
        assertThat(foreignVariable.at("/errors").has("variables.0.id")).isTrue();
        assertThat(foreignAuth.status()).as(foreignAuth.toString()).isEqualTo(422);
        assertThat(foreignAuth.at("/errors").has("authentication_implementation_id")).isTrue();
        assertThat(api.get("/api/v1/connectors/" + aConnector + "?include=variables", a.apiKey()).at("/data")).isEqualTo(aBefore);
        assertThat(api.get("/api/v1/connectors/" + bConnector, b.apiKey()).at("/data/authentication_implementation_id").asLong())
                .isEqualTo(b.catalog().shopifyTokenAuthId());
    }

    @Test
    void shouldReturn422WhenUpdatingConnectorWithVariableOfAnotherConnectorOfTheSameCompany() {
        Tenant b = data.company();
        long first = data.shopifyConnector(b, "First");
        long second = data.shopifyConnector(b, "Second");
        JsonNode firstBefore = api.get("/api/v1/connectors/" + first + "?include=variables", b.apiKey()).at("/data");

        Response response = api.put("/api/v1/connectors/" + second, b.apiKey(),
                Map.of("variables", List.of(Map.of("id", firstBefore.at("/variables/0/id").asLong(), "value", "crossed"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").has("variables.0.id")).isTrue();
        assertThat(api.get("/api/v1/connectors/" + first + "?include=variables", b.apiKey()).at("/data")).isEqualTo(firstBefore);
    }

    @Test
    void shouldAcceptOwnPoolAndCertificateOnCreate() {
        Tenant b = data.company();
        long pool = data.pool(b, "Own pool");
        long certificate = data.certificate(b, "Own certificate");
        Map<String, Object> body = with(data.shopifyBody(b, "Own pool and certificate"), "connection_pool_id", pool);
        body.put("certificate_id", certificate);

        Response response = api.post("/api/v1/connectors", b.apiKey(), body);

        assertThat(response.status()).as("control case: " + response).isEqualTo(200);
        assertThat(response.at("/data/connection_pool_id").asLong()).isEqualTo(pool);
        assertThat(response.at("/data/certificate_id").asLong()).isEqualTo(certificate);
    }

    @Test
    void shouldNotListAnotherCompanysUsers() {
        Tenant a = data.company();
        Tenant b = data.company();
        data.userWithRole(a, "manager");

        Response users = api.get("/api/v1/users", adminBearer(b));

        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(users.at("/data").valueStream().map(u -> u.get("email").asString())).containsExactly(b.adminEmail());
        assertThat(users.body()).doesNotContain(a.adminEmail());
    }

    @Test
    void shouldNotListAnotherCompanysApiKeys() {
        Tenant a = data.company();
        Tenant b = data.company();
        String aAdmin = adminBearer(a);
        api.post("/api/v1/api-keys", aAdmin, Map.of("name", "A's secret integration", "read_only", false));
        List<Long> aKeys = api.get("/api/v1/api-keys", aAdmin).at("/data").valueStream().map(k -> k.get("id").asLong()).toList();
        assertThat(aKeys).hasSize(2);

        Response keys = api.get("/api/v1/api-keys", adminBearer(b));

        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(keys.at("/data").valueStream().map(k -> k.get("id").asLong())).hasSize(1).doesNotContainAnyElementsOf(aKeys);
        assertThat(keys.body()).doesNotContain("A's secret integration");
    }

    @Test
    void shouldReturn404WhenRevokingAnotherCompanysApiKeyAndKeepItWorking() {
        Tenant a = data.company();
        Tenant b = data.company();
        long aKey = api.get("/api/v1/api-keys", adminBearer(a)).at("/data/0/id").asLong();

        Response response = api.delete("/api/v1/api-keys/" + aKey, adminBearer(b));

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.at("/message").asString()).isEqualTo("No query results for API key " + aKey + ".");
        assertThat(api.get("/api/v1/connectors", a.apiKey()).status()).as("A's key still works").isEqualTo(200);
        assertThat(data.jdbc().sql("SELECT revoked_at IS NULL FROM api_keys WHERE id = :id").param("id", aKey)
                .query(Boolean.class).single()).isTrue();
    }

    private void assertNoConnectors(Tenant a, Tenant b) {
        assertThat(api.get("/api/v1/connectors", b.apiKey()).at("/meta/total").asLong()).isZero();
        assertThat(api.get("/api/v1/connectors", a.apiKey()).at("/meta/total").asLong()).isZero();
    }

    private static void assertNotFound(Response response, long id) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.at("/message").asString()).isEqualTo("No query results for connector " + id + ".");
    }

    private static List<Long> ids(Response list) {
        return list.at("/data").valueStream().map(c -> c.get("id").asLong()).toList();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private String adminBearer(Tenant tenant) {
        return Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
    }
}
