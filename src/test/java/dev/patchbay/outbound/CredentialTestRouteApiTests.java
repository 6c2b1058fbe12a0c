package dev.patchbay.outbound;

import static dev.patchbay.outbound.BuiltConnectors.testRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.outbound.BuiltConnectors.Var;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.FakeSystems;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.TestData.Tenant;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The contract's {@code POST /connectors/{id}/test}: its success body and each kind of failure, and
 * the same check keeping refused credentials from being saved on create and update.
 */
class CredentialTestRouteApiTests extends ApiTest {

    private static final String KEY = "route-test-key-5150";

    @Autowired
    private FakeSystems systems;

    @Autowired
    private VariableStore variables;

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;
    private final AtomicInteger upstreamStatus = new AtomicInteger(200);

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        upstream.on("/api/", a -> KEY.equals(a.header("X-Api-Key")) ? Answer.json(upstreamStatus.get(), "{\"pong\":true}")
                : Answer.json(401, "{\"error\":\"bad key\"}"));
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private Spec tokenSpec(String baseUrl, String key) {
        return Spec.of(baseUrl, BuiltConnectors.TOKEN, Map.of("headers", Map.of("X-Api-Key", "{{api_key}}")),
                testRequest("GET", "/ping", 200), Var.secret("api_key", key));
    }

    /** A connector whose check is skipped on create (type none), so its test route can be pointed anywhere. */
    private long unchecked(String baseUrl) {
        return connectors.connector(Spec.of(baseUrl, BuiltConnectors.NONE, Map.of(), testRequest("GET", "/ping", 200)));
    }

    private Response test(long connector) {
        return api.post("/api/v1/connectors/" + connector + "/test", tenant.apiKey(), null);
    }

    private static void assertFailed(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/message").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(response.at("/errors/credentials/0").asString()).isEqualTo(response.at("/message").asString());
        assertThat(response.at("/data/success").asBoolean()).isFalse();
        assertThat(response.at("/data/request/method").asString()).isEqualTo("GET");
    }

    @Test
    void shouldAnswerTheContractsSuccessBody() {
        long connector = connectors.connector(tokenSpec(upstream.url() + "/api", KEY));
        int before = upstream.arrivals().size();

        Response response = test(connector);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/message").asString()).isEqualTo("The credentials work: the system answered 200 OK.");
        JsonNode data = response.at("/data");
        assertThat(data.get("success").asBoolean()).isTrue();
        assertThat(data.at("/request/method").asString()).isEqualTo("GET");
        assertThat(data.at("/request/url").asString()).isEqualTo(upstream.url() + "/api/ping");
        assertThat(data.at("/request/headers/X-Api-Key").asString()).isEqualTo("********");
        assertThat(data.at("/request").has("body")).isTrue();
        assertThat(data.at("/response/status").asInt()).isEqualTo(200);
        assertThat(data.at("/response/headers").isObject()).isTrue();
        assertThat(data.at("/response/body").asString()).isEqualTo("{\"pong\":true}");
        assertThat(data.get("duration_ms").isIntegralNumber()).isTrue();
        assertThat(data.get("duration_ms").asLong()).isNotNegative();
        assertThat(upstream.arrivals()).hasSize(before + 1);
        assertThat(response.body()).doesNotContain(KEY);
    }

    @Test
    void shouldFailWithTheUnexpectedStatusAndWhatCameBack() {
        long connector = connectors.connector(tokenSpec(upstream.url() + "/api", KEY));
        upstreamStatus.set(401);

        Response response = test(connector);

        assertFailed(response);
        assertThat(response.at("/message").asString()).isEqualTo("The system answered 401 Unauthorized; expected 200 OK.");
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(401);
        assertThat(response.at("/data/response/body").asString()).isEqualTo("{\"pong\":true}");
    }

    @Test
    void shouldFailWithARefusedConnectionAndNoResponse() {
        int port = Bystander.closedPort();
        long connector = unchecked("http://127.0.0.1:" + port);

        Response response = test(connector);

        assertFailed(response);
        assertThat(response.at("/message").asString()).isEqualTo("Could not connect to 127.0.0.1:" + port + ": connection refused");
        assertThat(response.at("/data/response").isNull()).as(response.toString()).isTrue();
        assertThat(response.at("/data/request/url").asString()).isEqualTo("http://127.0.0.1:" + port + "/ping");
    }

    @Test
    void shouldFailWithATimeoutWhenTheSystemIsSlowerThanItsReadTimeout() {
        upstream.on("/slow/", a -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });
        long connector = unchecked(upstream.url() + "/slow");
        // The per-system read timeout (V8's column; the builder API does not set it yet).
        data.jdbc().sql("UPDATE systems SET read_timeout = 1 WHERE id = (SELECT ai.system_id FROM connectors c "
                + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id WHERE c.id = :id)")
                .param("id", connector).update();

        Response response = test(connector);

        assertFailed(response);
        assertThat(response.at("/message").asString()).isEqualTo("The system did not answer within 1 s");
        assertThat(response.at("/data/response").isNull()).isTrue();
        assertThat(upstream.arrivals("/slow/ping")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1", "http://169.254.169.254/latest", "http://[::1]:8080", "http://2130706433"})
    void shouldRefuseAPrivateTargetWithoutSendingAnything(String baseUrl) {
        long connector = unchecked(baseUrl);

        Response response = test(connector);

        assertFailed(response);
        assertThat(response.at("/message").asString()).startsWith("The target ");
        assertThat(response.at("/data/response").isNull()).isTrue();
    }

    @Test
    void shouldRefuseALoopbackAddressOutsideTheAllowedNetworkWithNothingArriving() {
        try (Bystander bystander = new Bystander()) {
            long connector = unchecked(bystander.url());

            Response response = test(connector);

            assertFailed(response);
            assertThat(response.at("/message").asString()).contains("127.0.0.2").contains("loopback");
            assertThat(bystander.arrivals()).isZero();
        }
    }

    @Test
    void shouldPassWithNothingSentWhenTheImplementationHasNoTestRequest() {
        long connector = connectors.connector(Spec.of(upstream.url() + "/api", BuiltConnectors.NONE, Map.of(), null));

        Response response = test(connector);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/success").asBoolean()).isTrue();
        assertThat(response.at("/data/response").isNull()).isTrue();
        assertThat(upstream.arrivals()).isEmpty();
    }

    // ---- only valid credentials are saved ----

    private long connectorCount() {
        return data.jdbc().sql("SELECT count(*) FROM connectors WHERE company_id = :c").param("c", tenant.id())
                .query(Long.class).single();
    }

    @Test
    void shouldRefuseToCreateAConnectorWithRefusedCredentialsAndSaveNothing() {
        long before = connectorCount();

        Response response = connectors.create(tokenSpec(upstream.url() + "/api", "wrong-key-0001"));

        assertFailed(response);
        assertThat(response.at("/message").asString()).isEqualTo("The system answered 401 Unauthorized; expected 200 OK.");
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(401);
        assertThat(upstream.arrivals("/api/ping")).as("the system saw the check").singleElement()
                .satisfies(a -> assertThat(a.header("X-Api-Key")).isEqualTo("wrong-key-0001"));
        assertThat(connectorCount()).isEqualTo(before);
        assertThat(data.jdbc().sql("SELECT count(*) FROM variables WHERE connector_id IS NOT NULL AND connector_id NOT IN "
                + "(SELECT id FROM connectors)").query(Long.class).single()).isZero();
        assertThat(response.body()).doesNotContain("wrong-key-0001");
    }

    @Test
    void shouldRefuseToCreateAConnectorWhoseSystemCannotBeReached() {
        long before = connectorCount();

        Response response = connectors.create(tokenSpec("http://127.0.0.1:" + Bystander.closedPort(), KEY));

        assertFailed(response);
        assertThat(response.at("/message").asString()).contains("connection refused");
        assertThat(connectorCount()).isEqualTo(before);
    }

    /** A Shopify connector of the tests' catalog for a shop of its own, so the fake Shopify's arrivals are this test's. */
    private long shopify(String shop) {
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Shop " + shop));
        body.put("variables", List.of(Map.of("key", "shop", "value", shop, "label", "Shop"),
                Map.of("key", "access_token", "value", "shpat_valid-1", "label", "Token", "secret", true)));
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }

    private int checksOf(String shop) {
        return systems.upstream().arrivals("/shopify/" + shop + "/").size();
    }

    private List<VariableData> stored(long connector) {
        return variables.clearValues(tenant.id(), VariableStore.Owner.CONNECTOR, connector);
    }

    @Test
    void shouldRefuseAnUpdateWithRefusedCredentialsAndChangeNothing() {
        String shop = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        long connector = shopify(shop);
        assertThat(checksOf(shop)).isEqualTo(1);
        List<VariableData> before = stored(connector);
        long token = before.stream().filter(v -> v.key().equals("access_token")).findFirst().orElseThrow().id();
        String name = api.get("/api/v1/connectors/" + connector, tenant.apiKey()).at("/data/name").asString();

        Response response = api.put("/api/v1/connectors/" + connector, tenant.apiKey(), Map.of("name", "Renamed too",
                "variables", List.of(Map.of("id", token, "value", "not-a-shopify-token"))));

        assertFailed(response);
        assertThat(response.at("/message").asString()).isEqualTo("The system answered 401 Unauthorized; expected 200 OK.");
        assertThat(checksOf(shop)).as("the system saw the check").isEqualTo(2);
        assertThat(systems.upstream().arrivals("/shopify/" + shop + "/").get(1).header("X-Shopify-Access-Token"))
                .isEqualTo("not-a-shopify-token");
        assertThat(stored(connector)).isEqualTo(before);
        assertThat(api.get("/api/v1/connectors/" + connector, tenant.apiKey()).at("/data/name").asString()).isEqualTo(name);
    }

    @Test
    void shouldNotCallTheSystemForAnUpdateOfTheNameOnly() {
        String shop = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        long connector = shopify(shop);

        long shopVariable = stored(connector).stream().filter(v -> v.key().equals("shop")).findFirst().orElseThrow().id();

        // The contract wants the variables on every update: the same value, and a new label, are no change for the system.
        Response response = api.put("/api/v1/connectors/" + connector, tenant.apiKey(), Map.of("name", "Just renamed",
                "variables", List.of(Map.of("id", shopVariable, "value", shop, "label", "Shop handle"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/name").asString()).isEqualTo("Just renamed");
        assertThat(checksOf(shop)).isEqualTo(1);
    }

    @Test
    void shouldSaveAnUpdateWithValidCredentialsAfterChecking() {
        String shop = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        long connector = shopify(shop);
        long token = stored(connector).stream().filter(v -> v.key().equals("access_token")).findFirst().orElseThrow().id();

        Response response = api.put("/api/v1/connectors/" + connector, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", token, "value", "shpat_valid-2"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(checksOf(shop)).isEqualTo(2);
        assertThat(stored(connector)).filteredOn(v -> v.key().equals("access_token")).extracting(VariableData::value)
                .containsExactly("shpat_valid-2");
    }
}
