package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.RawHttp;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.TestData.Tenant;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caller that hangs up while its request waits for the connector's rate limit or pool: the request
 * leaves the queue and is never sent, on every route that sends (requests, proxy, test). The caller is
 * a raw socket closed while the request waits; proof comes from the usage route (the queue empties
 * long before the request could have started) and from the upstream's arrival log (it never arrived,
 * although a request sent after it did: had it still been queued, FIFO order would have sent it first).
 */
class CallerHangUpApiTests extends ApiTest {

    @LocalServerPort
    private int port;

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        upstream.on("/", arrival -> Answer.json(200, "{\"ok\":true}"));
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void shouldLeaveTheRateLimitQueueAndSendNothingWhenTheCallerHangsUpOnTheRequestsRoute() throws Exception {
        long connector = connector(1, "minute", null, null);
        assertThat(send(connector, "/first").status()).isEqualTo(200); // the minute's only start

        try (Socket caller = new RawHttp(port).sendAndHold(post("/api/v1/connectors/" + connector + "/requests",
                "{\"method\":\"GET\",\"path\":\"/abandoned\"}"))) {
            awaitUsage(connector, "/data/rate_limit/queued", 1);
        }

        awaitUsage(connector, "/data/rate_limit/queued", 0);
        assertThatItNeverArrives(connector, "/abandoned");
    }

    @Test
    void shouldLeaveTheRateLimitQueueAndSendNothingWhenTheCallerHangsUpOnTheProxyRoute() throws Exception {
        long connector = connector(1, "minute", null, null);
        assertThat(send(connector, "/first").status()).isEqualTo(200);

        try (Socket caller = new RawHttp(port).sendAndHold("GET /api/v1/connectors/" + connector + "/proxy/abandoned HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: " + tenant.apiKey() + "\r\nPrefer: wait=120\r\n\r\n")) {
            awaitUsage(connector, "/data/rate_limit/queued", 1);
        }

        awaitUsage(connector, "/data/rate_limit/queued", 0);
        assertThatItNeverArrives(connector, "/abandoned");
    }

    /**
     * The test route waits the default 30 s (it reads no {@code Prefer}), less than a minute's window, so
     * here it waits for a pool slot held by a slow request instead.
     */
    @Test
    void shouldLeaveThePoolsQueueAndSendNothingWhenTheCallerHangsUpOnTheTestRoute() throws Exception {
        CountDownLatch release = holdSlowly();
        long pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "One", "limit", 1, "timeout", 120))
                .at("/data/id").asLong();
        long connector = connector(1000, "second", pool, BuiltConnectors.testRequest("GET", "/ping", 200));
        CompletableFuture<Response> holding = CompletableFuture.supplyAsync(() -> send(connector, "/hold"));
        awaitUsage(connector, "/data/connection_pool/in_flight", 1);

        try (Socket caller = new RawHttp(port).sendAndHold(post("/api/v1/connectors/" + connector + "/test", null))) {
            awaitUsage(connector, "/data/connection_pool/waiting", 1);
        }

        awaitUsage(connector, "/data/connection_pool/waiting", 0);
        release.countDown();
        assertThat(holding.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(send(connector, "/after").status()).isEqualTo(200);
        assertThat(upstream.arrivals("/ping")).as("the abandoned test never reached the system").isEmpty();
    }

    @Test
    void shouldLeaveThePoolsQueueAndSendNothingWhenTheCallerHangsUpWaitingForASlot() throws Exception {
        CountDownLatch release = holdSlowly();
        Response pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "One", "limit", 1, "timeout", 120));
        long connector = connector(1000, "second", pool.at("/data/id").asLong(), null);
        CompletableFuture<Response> holding = CompletableFuture.supplyAsync(() -> send(connector, "/hold"));
        awaitUsage(connector, "/data/connection_pool/in_flight", 1);

        try (Socket caller = new RawHttp(port).sendAndHold(post("/api/v1/connectors/" + connector + "/requests",
                "{\"method\":\"GET\",\"path\":\"/abandoned\"}"))) {
            awaitUsage(connector, "/data/connection_pool/waiting", 1);
        }

        awaitUsage(connector, "/data/connection_pool/waiting", 0);
        assertThat(usage(connector).at("/data/connection_pool/in_flight").asInt()).as("the first request still holds the slot")
                .isEqualTo(1);
        release.countDown();
        assertThat(holding.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(send(connector, "/after").status()).isEqualTo(200);
        assertThat(upstream.arrivals("/abandoned")).isEmpty();
        assertThat(usage(connector).at("/data/connection_pool/in_flight").asInt()).as("no slot leaked").isZero();
    }

    /** Makes {@code /hold} answer only once the returned latch is released. */
    private CountDownLatch holdSlowly() {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/hold", arrival -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });
        return release;
    }

    /**
     * Raises the limit (it applies to the next request) and sends once more: the new request starts,
     * and the one whose caller left, had it stayed in the queue, would have started before it.
     */
    private void assertThatItNeverArrives(long connector, String path) {
        Response raised = api.put("/api/v1/connectors/" + connector, tenant.apiKey(),
                Map.of("rate_limit_duration", 1000, "rate_limit_unit", "second", "variables", java.util.List.of()));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(send(connector, "/after").status()).isEqualTo(200);
        assertThat(upstream.arrivals("/after")).hasSize(1);
        assertThat(upstream.arrivals(path)).as("the abandoned request never reached the system").isEmpty();
        assertThat(usage(connector).at("/data/rate_limit/queued").asInt()).isZero();
    }

    private String post(String target, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + tenant.apiKey() + "\r\n"
                + "Prefer: wait=120\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8);
    }

    private long connector(int amount, String unit, Long poolId, Map<String, Object> testRequest) {
        Spec spec = Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), testRequest);
        return connectors.connector(spec, BuiltConnectors.limits(amount, unit, poolId));
    }

    private Response send(long connector, String path) {
        return api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", path), Map.of("Prefer", "wait=60"));
    }

    private Response usage(long connector) {
        return api.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey());
    }

    /** Polls the usage route until {@code pointer} reads {@code expected}; generous, as a loaded machine may be slow. */
    private void awaitUsage(long connector, String pointer, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int seen;
        do {
            seen = usage(connector).at(pointer).asInt();
            if (seen == expected) {
                return;
            }
            Thread.sleep(25);
        } while (System.nanoTime() < deadline);
        assertThat(seen).as(pointer + " of connector " + connector).isEqualTo(expected);
    }
}
