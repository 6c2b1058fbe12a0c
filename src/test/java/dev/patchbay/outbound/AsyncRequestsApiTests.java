package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.outbound.BuiltConnectors.Var;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.StubUpstream.Arrival;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Prefer: respond-async} on the requests route and {@code GET /api/v1/requests/{id}}: accepted
 * after the synchronous route's own checks, run by the worker under the connector's limits, and read
 * back with the requests route's record. What reached the system is read from the stub's arrival log;
 * polls have generous bounds and nothing asserts a duration.
 */
class AsyncRequestsApiTests extends ApiTest {

    static final String SECRET_KEY = "async-connector-key-97531";
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @Autowired
    private JdbcClient jdbc;

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        upstream.on("/", arrival -> Answer.json(200, "{\"ok\":true,\"path\":\"" + arrival.path() + "\"}"));
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private long connector(String baseUrl, int amount, String unit) {
        Spec spec = Spec.of(baseUrl, BuiltConnectors.TOKEN, Map.of("headers", Map.of("X-Api-Key", "{{api_key}}")), null,
                Var.secret("api_key", SECRET_KEY));
        return connectors.connector(spec, BuiltConnectors.limits(amount, unit, null));
    }

    private Response submit(long connector, Object body) {
        return api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(), body,
                Map.of("Prefer", "respond-async"));
    }

    private long accepted(long connector, Object body) {
        Response response = submit(connector, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.at("/data/id").asLong();
    }

    /** Polls until the request has an outcome (generous bound: a loaded machine may be slow, never wrong). */
    static Response finished(Api api, String key, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            Response response = api.get("/api/v1/requests/" + id, key);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            String status = response.at("/data/status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return response;
            }
            assertThat(System.nanoTime()).as("request %d still %s", id, status).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Response finished(long id) throws InterruptedException {
        return finished(api, tenant.apiKey(), id);
    }

    private long storedRows() {
        return data.jdbc().sql("SELECT count(*) FROM async_requests WHERE company_id = :c").param("c", tenant.id())
                .query(Long.class).single();
    }

    @Test
    void shouldAnswer202WithItsLocationAndRunItToSucceededWithTheRequestsRouteRecord() throws Exception {
        long connector = connector(upstream.url(), 100, "second");
        Map<String, Object> body = Map.of("method", "GET", "path", "/orders", "query", Map.of("status", "open"));

        Response queued = submit(connector, body);

        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        long id = queued.at("/data/id").asLong();
        assertThat(queued.header("Location")).isEqualTo("/api/v1/requests/" + id);
        assertThat(queued.header("Preference-Applied")).isEqualTo("respond-async");
        assertThat(queued.at("/data/status").asString()).isEqualTo("queued");
        assertThat(queued.at("/data/connector_id").asLong()).isEqualTo(connector);
        assertThat(queued.at("/data/created_at").asString()).matches(TIMESTAMP);
        assertThat(queued.at("/data/finished_at").isNull()).isTrue();
        assertThat(queued.at("/data/response").isNull()).isTrue();

        Response done = finished(id);

        assertThat(done.at("/data/status").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.at("/data/finished_at").asString()).matches(TIMESTAMP);
        assertThat(done.at("/data/error").isNull()).isTrue();
        assertThat(done.at("/data/response/status").asInt()).isEqualTo(200);
        assertThat(done.at("/data/response/body").asString()).contains("\"path\":\"/orders\"");
        assertThat(done.at("/data/request/method").asString()).isEqualTo("GET");
        assertThat(done.at("/data/request/url").asString()).isEqualTo(upstream.url() + "/orders?status=open");
        assertThat(done.at("/data/request/headers/X-Api-Key").asString()).isEqualTo("********");
        assertThat(done.at("/data/timing/queued_ms").isIntegralNumber()).isTrue();
        assertThat(done.at("/data/timing/upstream_ms").isIntegralNumber()).isTrue();
        assertThat(done.body()).doesNotContain(SECRET_KEY);
        assertThat(upstream.arrivals("/orders")).hasSize(1);
        assertThat(upstream.arrivals("/orders").get(0).header("X-Api-Key")).isEqualTo(SECRET_KEY);

        Response sync = api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(), body);
        assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
        for (String record : List.of("request", "response", "timing")) {
            assertThat(names(done.at("/data/" + record))).as("the %s record of the requests route", record)
                    .isEqualTo(names(sync.at("/data/" + record)));
        }
    }

    private static List<String> names(tools.jackson.databind.JsonNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        names.sort(null);
        return names;
    }

    @Test
    void shouldRecordAnUpstreamErrorOrNoAnswerAsFailed() throws Exception {
        upstream.on("/broken", arrival -> Answer.json(500, "{\"error\":\"boom\"}"));
        long connector = connector(upstream.url(), 100, "second");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long unreachable = connector("http://127.0.0.1:" + closedPort, 100, "second");

        Response upstreamError = finished(accepted(connector, Map.of("method", "POST", "path", "/broken", "body", Map.of("a", 1))));
        Response noAnswer = finished(accepted(unreachable, Map.of("method", "GET", "path", "/nowhere")));

        assertThat(upstreamError.at("/data/status").asString()).as(upstreamError.toString()).isEqualTo("failed");
        assertThat(upstreamError.at("/data/response/status").asInt()).isEqualTo(500);
        assertThat(upstreamError.at("/data/response/body").asString()).contains("boom");
        assertThat(upstreamError.at("/data/request/body").asString()).isEqualTo("{\"a\":1}");
        assertThat(upstream.arrivals("/broken")).as("a POST is not retried").hasSize(1);
        assertThat(noAnswer.at("/data/status").asString()).as(noAnswer.toString()).isEqualTo("failed");
        assertThat(noAnswer.at("/data/response").isNull()).isTrue();
        assertThat(noAnswer.at("/data/error/code").asString()).isEqualTo("upstream_unreachable");
        assertThat(noAnswer.at("/data/error/message").asString()).isNotBlank();
        assertThat(noAnswer.at("/data/request/method").asString()).isEqualTo("GET");
        assertThat(noAnswer.at("/data/finished_at").asString()).matches(TIMESTAMP);
    }

    @Test
    void shouldStartAConnectorsAsyncRequestsInTheOrderTheyWereAcceptedUnderItsRateLimit() throws Exception {
        long connector = connector(upstream.url(), 2, "second");

        List<Long> ids = IntStream.range(0, 8)
                .mapToObj(n -> accepted(connector, Map.of("method", "POST", "path", "/fifo/" + n, "body", "n=" + n)))
                .toList();
        for (long id : ids) {
            assertThat(finished(id).at("/data/status").asString()).isEqualTo("succeeded");
        }

        assertThat(upstream.arrivals("/fifo/").stream().map(Arrival::path).toList()).as("first in, first out")
                .containsExactly(IntStream.range(0, 8).mapToObj(n -> "/fifo/" + n).toArray(String[]::new));
    }

    @Test
    void shouldRefuseAtOnceWhenTheConnectorsQueueIsAtItsBoundAndStoreNothing() {
        long connector = connector(upstream.url(), 10, "minute");
        // The default bound (10,000) already waiting, not due for an hour so that no worker takes them.
        jdbc.sql("INSERT INTO async_requests (company_id, connector_id, method, resendable, idempotency_key, not_before) "
                        + "SELECT :company, :connector, 'GET', true, false, now() + interval '1 hour' FROM generate_series(1, 10000)")
                .param("company", tenant.id()).param("connector", connector).update();
        try {
            Response refused = submit(connector, Map.of("method", "GET", "path", "/one-too-many"));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.header("Patchbay-Error")).isEqualTo("rate_limited");
            assertThat(refused.at("/queue_position").asInt()).isEqualTo(10_001);
            assertThat(refused.at("/message").asString()).contains("queue is full");
            assertThat(Long.parseLong(refused.header("Retry-After"))).as("1,000 windows of a minute drain the queue")
                    .isBetween(59_000L, 60_001L);
            assertThat(jdbc.sql("SELECT count(*) FROM async_requests WHERE connector_id = :connector")
                    .param("connector", connector).query(Long.class).single()).as("nothing stored").isEqualTo(10_000L);
        } finally {
            jdbc.sql("DELETE FROM async_requests WHERE connector_id = :connector").param("connector", connector).update();
        }
    }

    @Test
    void shouldAnswer404ForAnotherCompanysRequestAndForAnUnknownOne() throws Exception {
        long connector = connector(upstream.url(), 100, "second");
        long id = accepted(connector, Map.of("method", "GET", "path", "/mine"));
        Tenant other = data.company();

        Response foreign = api.get("/api/v1/requests/" + id, other.apiKey());
        Response unknown = api.get("/api/v1/requests/" + (id + 1_000_000), tenant.apiKey());

        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.at("/message").asString()).isNotBlank();
        assertThat(foreign.body()).doesNotContain("/mine");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(finished(id).at("/data/status").asString()).isEqualTo("succeeded");
    }

    @Test
    void shouldRefuseBadInputWithTheSynchronousRoutesAnswerAndStoreNothing() {
        long connector = connector(upstream.url(), 100, "second");
        long foreignConnector = new BuiltConnectors(api, data.company()).connector(Spec.of(upstream.url(), BuiltConnectors.NONE,
                Map.of(), null));
        List<Object> badBodies = List.of(
                Map.of("path", "/orders"),
                Map.of("method", "TRACE", "path", "https://elsewhere.example.com/x", "headers", "nope"),
                Map.of("endpoint_id", "abc"),
                Map.of("endpoint_id", 999_999_999),
                "[1, 2]");

        for (Object body : badBodies) {
            Response async = submit(connector, body);
            Response sync = api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(), body);
            assertThat(async.status()).as(async.toString()).isEqualTo(422);
            assertThat(async.json()).as("the synchronous route's answer").isEqualTo(sync.json());
        }
        Response unknownConnector = submit(foreignConnector, Map.of("method", "GET", "path", "/x"));

        assertThat(unknownConnector.status()).as("another company's connector").isEqualTo(404);
        assertThat(storedRows()).isZero();
        assertThat(upstream.arrivals()).isEmpty();
    }

    @Test
    void shouldKeepTheCallersOwnSecretsEncryptedAtRest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/hold", arrival -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });
        long connector = connector(upstream.url(), 100, "second");
        String headerSecret = "caller-header-secret-13579";
        String querySecret = "caller-query-secret-24680";
        long holding = accepted(connector, Map.of("method", "GET", "path", "/hold"));
        try {
            awaitArrival("/hold");
            long id = accepted(connector, Map.of("method", "POST", "path", "/secretive", "headers",
                    Map.of("X-Caller-Token", headerSecret), "query", Map.of("token", querySecret), "body", "secret body"));

            String queuedRow = row(id);
            assertThat(queuedRow).as("queued behind the held request").contains("\"status\":\"queued\"");
            assertThat(queuedRow).contains("\"payload_encrypted\":\"v2:").doesNotContain(headerSecret, querySecret, "secret body");
        } finally {
            release.countDown();
        }
        assertThat(finished(holding).at("/data/status").asString()).isEqualTo("succeeded");
        long secretive = data.jdbc().sql("SELECT max(id) FROM async_requests WHERE company_id = :c").param("c", tenant.id())
                .query(Long.class).single();
        Response done = finished(secretive);

        assertThat(done.at("/data/status").asString()).isEqualTo("succeeded");
        assertThat(upstream.arrivals("/secretive").get(0).header("X-Caller-Token")).isEqualTo(headerSecret);
        assertThat(row(secretive)).contains("\"payload_encrypted\":null", "\"result_encrypted\":\"v2:")
                .doesNotContain(headerSecret, querySecret, "secret body", SECRET_KEY);
    }

    private String row(long id) {
        return data.jdbc().sql("SELECT row_to_json(a)::text FROM async_requests a WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    private void awaitArrival(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (upstream.arrivals(prefix).isEmpty()) {
            assertThat(System.nanoTime()).as("nothing reached " + prefix).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
