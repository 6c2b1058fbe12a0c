package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.outbound.BuiltConnectors.Var;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.FakeSystems;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.StubUpstream.Arrival;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /connectors/{id}/requests}, the way a flow engine calls a system: an endpoint with
 * variables and date filters, or a raw call; the upstream's answer, whatever its status, is a 200;
 * what Patchbay did not send or got no answer for never is. Redirects are followed through the guard.
 */
class ConnectorRequestsApiTests extends ApiTest {

    private static final String KEY = "requests-key-2468";

    @Autowired
    private FakeSystems systems;

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private long tokenConnector(String baseUrl) {
        return connectors.connector(Spec.of(baseUrl, BuiltConnectors.TOKEN, Map.of("headers", Map.of("X-Api-Key", "{{api_key}}")),
                null, Var.secret("api_key", KEY)));
    }

    private Response send(long connector, Object body) {
        return send(connector, body, tenant.apiKey());
    }

    private Response send(long connector, Object body, String authorization) {
        return api.post("/api/v1/connectors/" + connector + "/requests", authorization, body);
    }

    /** A Shopify connector of the tests' catalog for a shop of its own, in New York time. */
    private long newYorkShop(String shop) {
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "NY " + shop));
        body.put("timezone", "America/New_York");
        body.put("date_format", "Y-m-d H:i:s");
        body.put("variables", List.of(Map.of("key", "shop", "value", shop, "label", "Shop"),
                Map.of("key", "access_token", "value", "shpat_ny", "label", "Token", "secret", true)));
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }

    private long endpoint(String name) {
        return data.jdbc().sql("SELECT id FROM endpoints WHERE company_id = :c AND name = :n").param("c", tenant.id())
                .param("n", name).query(Long.class).single();
    }

    @Test
    void shouldCallAnEndpointWithItsDateFilterRenderedInTheInstancesZoneAndFormat() {
        String shop = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        long connector = newYorkShop(shop);

        Response response = send(connector, Map.of("endpoint_id", endpoint("Get orders"),
                "filters", Map.of("Updated since", "2026-01-31T12:00:00Z")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(200);
        assertThat(response.at("/data/response/body").asString()).contains("\"orders\"");
        Arrival arrival = systems.upstream().arrivals("/shopify/" + shop + "/admin/api/2024-10/orders.json").get(0);
        assertThat(arrival.method()).isEqualTo("GET");
        assertThat(Forms.parse(arrival.query())).containsEntry("updated_at_min", "2026-01-31 07:00:00");
        assertThat(arrival.header("X-Shopify-Access-Token")).isEqualTo("shpat_ny");
        assertThat(response.at("/data/timing/queued_ms").isIntegralNumber()).isTrue();
        assertThat(response.at("/data/timing/upstream_ms").isIntegralNumber()).isTrue();
    }

    @Test
    void shouldRenderTheCallersVariablesIntoTheEndpointsPathAndReturnTheUpstreamsStatus() {
        String shop = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        long connector = newYorkShop(shop);

        Response response = send(connector, Map.of("endpoint_id", endpoint("Update product"), "variables", Map.of("product_id", 42)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/request/method").asString()).isEqualTo("PUT");
        assertThat(response.at("/data/response/status").asInt()).as("the fake Shopify has no products").isEqualTo(404);
        assertThat(systems.upstream().arrivals("/shopify/" + shop + "/admin/api/2024-10/products/42.json"))
                .singleElement().extracting(Arrival::method).isEqualTo("PUT");
    }

    @Test
    void shouldRefuseAFilterTheEndpointDoesNotHaveAndSendNothing() {
        String shop = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        long connector = newYorkShop(shop);
        int before = systems.upstream().arrivals("/shopify/" + shop + "/").size();

        Response response = send(connector, Map.of("endpoint_id", endpoint("Get orders"), "filters", Map.of("Colour", "red")));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").has("filters.Colour")).isTrue();
        assertThat(systems.upstream().arrivals("/shopify/" + shop + "/")).hasSize(before);
    }

    @Test
    void shouldSendARawCallsMethodPathQueryHeadersAndBody() {
        upstream.on("/api/", a -> Answer.json(201, "{\"id\":7}"));
        long connector = tokenConnector(upstream.url() + "/api");

        Response response = send(connector, Map.of("method", "patch", "path", "/items/7", "query",
                Map.of("filter[status]", "open now", "limit", 5), "headers", Map.of("X-Trace", "trace-1"),
                "body", Map.of("name", "Widget")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(201);
        assertThat(response.at("/data/response/body").asString()).isEqualTo("{\"id\":7}");
        assertThat(response.at("/data/request/method").asString()).isEqualTo("PATCH");
        assertThat(response.at("/data/request/body").asString()).isEqualTo("{\"name\":\"Widget\"}");
        Arrival arrival = upstream.arrivals("/api/items/7").get(0);
        assertThat(arrival.method()).isEqualTo("PATCH");
        assertThat(Forms.parse(arrival.query())).containsEntry("filter[status]", "open now").containsEntry("limit", "5");
        assertThat(arrival.header("X-Trace")).isEqualTo("trace-1");
        assertThat(arrival.header("X-Api-Key")).isEqualTo(KEY);
        assertThat(arrival.header("Content-Type")).startsWith("application/json");
        assertThat(arrival.bodyText()).isEqualTo("{\"name\":\"Widget\"}");
    }

    @Test
    void shouldAnswer200WithTheUpstreamsServerError() {
        upstream.on("/api/", a -> Answer.json(500, "{\"error\":\"boom\"}"));
        long connector = tokenConnector(upstream.url() + "/api");

        Response response = send(connector, Map.of("method", "GET", "path", "/orders"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Patchbay-Error")).isNull();
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(500);
        assertThat(response.at("/data/response/body").asString()).isEqualTo("{\"error\":\"boom\"}");
    }

    @Test
    void shouldAnswer502WhenTheSystemCannotBeReached() {
        int port = Bystander.closedPort();
        long connector = tokenConnector("http://127.0.0.1:" + port);

        Response response = send(connector, Map.of("method", "GET", "path", "/orders"));

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.header("Patchbay-Error")).isEqualTo("upstream_unreachable");
        assertThat(response.at("/message").asString()).isEqualTo("Could not connect to 127.0.0.1:" + port + ": connection refused");
        assertThat(response.at("/data/request/url").asString()).isEqualTo("http://127.0.0.1:" + port + "/orders");
        assertThat(response.at("/data/response").isNull()).isTrue();
    }

    @Test
    void shouldAnswer504WhenTheSystemIsSlowerThanItsReadTimeout() {
        upstream.on("/api/", a -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });
        long connector = tokenConnector(upstream.url() + "/api");
        data.jdbc().sql("UPDATE systems SET read_timeout = 1 WHERE id = (SELECT ai.system_id FROM connectors c "
                + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id WHERE c.id = :id)")
                .param("id", connector).update();

        Response response = send(connector, Map.of("method", "GET", "path", "/orders"));

        assertThat(response.status()).as(response.toString()).isEqualTo(504);
        assertThat(response.header("Patchbay-Error")).isEqualTo("upstream_timeout");
    }

    @Test
    void shouldAnswer422ForARefusedTargetWithNothingArriving() {
        try (Bystander bystander = new Bystander()) {
            long connector = tokenConnector(bystander.url());

            Response response = send(connector, Map.of("method", "GET", "path", "/orders"));

            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.header("Patchbay-Error")).isEqualTo("target_refused");
            assertThat(response.at("/errors/target/0").asString()).contains("127.0.0.2");
            assertThat(bystander.arrivals()).isZero();
        }
    }

    @Test
    void shouldRefuseStandardUsersAndReadOnlyKeysAndSendNothing() {
        upstream.on("/api/", a -> Answer.json(200, "{}"));
        long connector = tokenConnector(upstream.url() + "/api");
        Map<String, Object> call = Map.of("method", "GET", "path", "/orders");

        Response standard = send(connector, call, data.userWithRole(tenant, "standard"));
        Response readOnly = send(connector, call, data.readOnlyApiKey(tenant));
        Response standardTest = api.post("/api/v1/connectors/" + connector + "/test", data.userWithRole(tenant, "standard"), null);

        assertThat(standard.status()).as(standard.toString()).isEqualTo(403);
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
        assertThat(standardTest.status()).as(standardTest.toString()).isEqualTo(403);
        assertThat(upstream.arrivals()).isEmpty();

        Response manager = send(connector, call, data.userWithRole(tenant, "manager"));
        assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
        assertThat(upstream.arrivals()).hasSize(1);
    }

    @Test
    void shouldNotReachAnotherCompanysConnector() {
        upstream.on("/api/", a -> Answer.json(200, "{}"));
        long connector = tokenConnector(upstream.url() + "/api");
        Tenant other = data.company();

        Response response = send(connector, Map.of("method", "GET", "path", "/orders"), other.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(upstream.arrivals()).isEmpty();
    }

    // ---- redirects ----

    @Test
    void shouldFollowARedirectToAnotherPathOfTheSystem() {
        upstream.on("/api/old", a -> new Answer(302, Map.of("Location", "/api/new?x=1"), new byte[0]));
        upstream.on("/api/new", a -> Answer.json(200, "{\"moved\":true}"));
        long connector = tokenConnector(upstream.url() + "/api");

        Response response = send(connector, Map.of("method", "GET", "path", "/old"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/response/status").asInt()).isEqualTo(200);
        assertThat(response.at("/data/response/body").asString()).isEqualTo("{\"moved\":true}");
        assertThat(upstream.arrivals()).extracting(Arrival::path).containsExactly("/api/old", "/api/new");
        assertThat(upstream.arrivals("/api/new").get(0).header("X-Api-Key")).as("same origin keeps the credentials").isEqualTo(KEY);
    }

    @Test
    void shouldStopAfterFiveRedirects() {
        upstream.on("/api/loop", a -> new Answer(302, Map.of("Location", "/api/loop"), new byte[0]));
        long connector = tokenConnector(upstream.url() + "/api");

        Response response = send(connector, Map.of("method", "GET", "path", "/loop"));

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.at("/message").asString()).contains("more than 5 times");
        assertThat(upstream.arrivals("/api/loop")).as("the first request and five redirects").hasSize(6);
    }

    @Test
    void shouldRefuseARedirectToAPrivateAddressWithNothingReachingIt() {
        try (Bystander bystander = new Bystander()) {
            upstream.on("/api/bystander", a -> new Answer(302, Map.of("Location", bystander.url() + "/admin"), new byte[0]));
            upstream.on("/api/metadata", a -> new Answer(307, Map.of("Location", "http://10.1.2.3/"), new byte[0]));
            long connector = tokenConnector(upstream.url() + "/api");

            for (String path : List.of("/bystander", "/metadata")) {
                Response response = send(connector, Map.of("method", "GET", "path", path));

                assertThat(response.status()).as(response.toString()).isEqualTo(422);
                assertThat(response.header("Patchbay-Error")).isEqualTo("target_refused");
                assertThat(response.at("/message").asString()).startsWith("The target ");
            }
            assertThat(bystander.arrivals()).isZero();
        }
    }
}
