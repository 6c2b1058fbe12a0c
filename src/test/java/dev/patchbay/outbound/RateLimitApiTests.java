package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.Concurrently;
import dev.patchbay.support.CountingTcpProxy;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.StubUpstream.Arrival;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's rate limit and connection pool on the send path, proven by what the upstream saw
 * (its arrival log), not by what Patchbay believes it did. No assertion on durations: counts, order
 * and the sliding-window property computed from the arrival times.
 */
class RateLimitApiTests extends ApiTest {

    /**
     * The stub stamps an arrival when its handler thread runs, which on a loaded machine can be tens of
     * milliseconds after the request reached it; windows are checked 50 ms shorter than the limit's so
     * that the stub's own scheduling cannot be mistaken for a violation by the service. (The service's
     * side of the jitter is covered by its safety margin, set for the tests in {@link ApiTest}.)
     */
    private static final long STUB_JITTER_NANOS = 50_000_000L;

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

    private long connector(int amount, String unit, Long poolId) {
        return connector(upstream.url(), amount, unit, poolId);
    }

    private long connector(String url, int amount, String unit, Long poolId) {
        Spec spec = Spec.of(url, BuiltConnectors.NONE, Map.of(), null);
        return connectors.connector(spec, BuiltConnectors.limits(amount, unit, poolId));
    }

    private Response get(long connector, String path, String prefer) {
        Map<String, String> headers = prefer == null ? Map.of() : Map.of("Prefer", prefer);
        return api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", path), headers);
    }


    @Test
    void shouldNeverStartMoreThanTheLimitInAnyWindowUnderABurstOfSixTimesIt() throws Exception {
        long connector = connector(5, "second", null);

        List<Response> responses = Concurrently.call(30, n -> get(connector, "/burst/" + n, "wait=60"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<Arrival> arrivals = upstream.arrivals("/burst/");
        assertThat(arrivals).as("queued, not dropped").hasSize(30);
        List<Long> times = arrivals.stream().map(Arrival::nanoTime).sorted().toList();
        for (int i = 0; i < times.size(); i++) {
            long windowEnd = times.get(i) + 1_000_000_000L - STUB_JITTER_NANOS;
            long inWindow = times.stream().skip(i).takeWhile(t -> t < windowEnd).count();
            assertThat(inWindow).as("arrivals in the window starting at arrival " + i).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void shouldRefuseAtOnceWhenTheStartWouldComeAfterTheCallersWaitAndSendNothing() {
        long connector = connector(1, "minute", null);
        assertThat(get(connector, "/first", null).status()).isEqualTo(200);

        Response refused = get(connector, "/second", "wait=1");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Patchbay-Error")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("a minute and the safety margin, rounded up").isBetween(1L, 61L);
        assertThat(refused.at("/queue_position").asInt()).isEqualTo(1);
        assertThat(refused.at("/message").asString()).contains("nothing was sent");
        assertThat(upstream.arrivals("/second")).as("nothing reached the system").isEmpty();

        Response usage = api.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey());
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.at("/data/rate_limit/limit").asInt()).isEqualTo(1);
        assertThat(usage.at("/data/rate_limit/unit").asString()).isEqualTo("minute");
        assertThat(usage.at("/data/rate_limit/started_in_window").asInt()).isEqualTo(1);
        assertThat(usage.at("/data/rate_limit/remaining").asInt()).isZero();
        assertThat(usage.at("/data/connection_pool").isNull()).isTrue();
    }

    @Test
    void shouldKeepAPoolsLimitAcrossEveryInstanceInIt() throws Exception {
        AtomicInteger most = upstream.slow("/slow", 300);
        Response pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "Shared", "limit", 2, "timeout", 60));
        assertThat(pool.status()).as(pool.toString()).isIn(200, 201);
        long poolId = pool.at("/data/id").asLong();
        long first = connector(1000, "second", poolId);
        long second = connector(1000, "second", poolId);

        List<Response> responses = Concurrently.call(8, n -> get(n % 2 == 0 ? first : second, "/slow/" + n, "wait=60"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(upstream.arrivals("/slow")).hasSize(8);
        assertThat(most.get()).as("requests in flight at the system at once").isBetween(1, 2);
        Response usage = api.get("/api/v1/connectors/" + first + "/usage", tenant.apiKey());
        assertThat(usage.at("/data/connection_pool/limit").asInt()).isEqualTo(2);
        assertThat(usage.at("/data/connection_pool/in_flight").asInt()).as("every slot released").isZero();
    }

    @Test
    void shouldRefuseWithPoolTimeoutWhenNoSlotFreesInTime() throws Exception {
        AtomicReference<Thread> holding = new AtomicReference<>();
        upstream.on("/hold", arrival -> {
            holding.set(Thread.currentThread());
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });
        Response pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "Tight", "limit", 1, "timeout", 1));
        long connector = connector(1000, "second", pool.at("/data/id").asLong());

        List<Response> responses = Concurrently.call(2, n -> {
            if (n == 1) {
                while (holding.get() == null) { // the second asks once the first holds the only slot
                    Thread.onSpinWait();
                }
            }
            return get(connector, "/hold/" + n, "wait=30");
        });

        assertThat(responses.get(0).status()).isEqualTo(200);
        assertThat(responses.get(1).status()).as(responses.get(1).toString()).isEqualTo(429);
        assertThat(responses.get(1).header("Patchbay-Error")).isEqualTo("pool_timeout");
        assertThat(upstream.arrivals("/hold")).hasSize(1);
    }

    /**
     * A request waiting for its start holds no connection to the system: the system could close an idle
     * connection meanwhile, and the requests queued for one host would use up its connections.
     */
    @Test
    void shouldNotConnectToTheSystemWhileRequestsWaitInTheQueue() throws Exception {
        upstream.on("/pause", arrival -> new Answer(429, Map.of("Retry-After", "3"), new byte[0]));
        try (CountingTcpProxy proxy = new CountingTcpProxy(upstream.url())) {
            long connector = connector(proxy.url(), 1000, "second", null);
            Response paused = api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                    Map.of("method", "POST", "path", "/pause"), Map.of());
            assertThat(paused.at("/data/response/status").asInt()).as(paused.toString()).isEqualTo(429);
            int connectionsBefore = proxy.accepted();

            List<CompletableFuture<Response>> queued = List.of(
                    CompletableFuture.supplyAsync(() -> get(connector, "/after/1", "wait=30")),
                    CompletableFuture.supplyAsync(() -> get(connector, "/after/2", "wait=30")));
            int waiting = 0;
            for (int i = 0; i < 200 && waiting < 2; i++) {
                waiting = api.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey()).at("/data/rate_limit/queued").asInt();
                Thread.sleep(10);
            }
            int connectionsWhileQueued = proxy.accepted();
            boolean stillQueued = api.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey())
                    .at("/data/rate_limit/queued").asInt() == 2;

            assertThat(waiting).as("both requests waited for the pause to end").isEqualTo(2);
            assertThat(stillQueued).as("the connections were counted while both still waited").isTrue();
            assertThat(connectionsWhileQueued).as("connections opened to the system while they waited").isEqualTo(connectionsBefore);
            for (CompletableFuture<Response> response : queued) {
                assertThat(response.get().status()).as(response.get().toString()).isEqualTo(200);
            }
            assertThat(upstream.arrivals("/after/")).hasSize(2);
        }
    }

    @Test
    void shouldPauseOnTheSystemsRetryAfterAndTryAnIdempotentRequestAgain() {
        AtomicInteger calls = new AtomicInteger();
        upstream.on("/busy", arrival -> calls.incrementAndGet() == 1
                ? new Answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"), "{}".getBytes())
                : Answer.json(200, "{\"done\":true}"));
        long connector = connector(1000, "second", null);

        Response answered = get(connector, "/busy", null);

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.at("/data/response/status").asInt()).isEqualTo(200);
        assertThat(upstream.arrivals("/busy")).hasSize(2);

        upstream.on("/post-busy", arrival -> new Answer(429, Map.of("Retry-After", "1"), new byte[0]));
        Response post = api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "POST", "path", "/post-busy", "body", Map.of("a", 1)), Map.of());
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.at("/data/response/status").asInt()).as("the system's answer, passed on").isEqualTo(429);
        assertThat(upstream.arrivals("/post-busy")).as("a POST without Idempotency-Key is not sent twice").hasSize(1);
    }
}
