package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.PatchbayApplication;
import dev.patchbay.catalog.DemoCatalog;
import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.EmbeddedRedis;
import dev.patchbay.support.FakeSystems;
import dev.patchbay.support.Response;
import dev.patchbay.support.Concurrently;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.StubUpstream.Arrival;
import dev.patchbay.support.TestData;
import dev.patchbay.support.TestData.Tenant;
import dev.patchbay.support.TestSupportConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Patchbay nodes in this JVM, as a deployment runs them: the second on the first's PostgreSQL, both
 * on one Redis ({@code patchbay.redis.url}), each on its own port. Requests of one instance are split
 * across both nodes, and the guarantees are checked where the system sees them: in the loopback
 * upstream's arrival log. Counts and order only; the one bound on time is a lower bound (a pause of
 * the system's choosing), which a slow machine can only exceed.
 */
class SeveralNodesApiTests {

    /** As in RateLimitApiTests: the stub's own scheduling must not be mistaken for a violation. */
    private static final long STUB_JITTER_NANOS = 50_000_000L;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Api one;
    private static Api two;
    private static TestData data;

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeAll
    static void startTwoNodes() {
        String dataDir = "target/test-data/" + UUID.randomUUID();
        String prefix = EmbeddedRedis.freshPrefix();
        first = node(dataDir, prefix, "--patchbay.bootstrap.enabled=true");
        String database = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
        // Same data directory: the nodes share the master key and the token key, as nodes of one deployment must.
        second = node(dataDir, prefix, "--patchbay.bootstrap.enabled=false", "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres");
        one = new Api(port(first));
        two = new Api(port(second));
        data = first.getBean(TestData.class);
    }

    private static ConfigurableApplicationContext node(String dataDir, String prefix, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--patchbay.data-dir=" + dataDir,
                "--patchbay.database.embedded.durable=false",
                "--patchbay.bootstrap.admin-email=" + ApiTest.DEMO_ADMIN_EMAIL,
                "--patchbay.bootstrap.admin-password=" + ApiTest.DEMO_ADMIN_PASSWORD,
                "--patchbay.bootstrap.api-key=" + ApiTest.DEMO_API_KEY,
                "--patchbay.bootstrap.platform-api-key=" + ApiTest.PLATFORM_API_KEY,
                "--patchbay.outbound.allowed-networks=127.0.0.1/32",
                // Two whole applications, the stub and the test's callers in one JVM on 2 cores shared with other
                // builds: the delay between a start and its arrival at the stub varies by a few hundred ms.
                "--patchbay.outbound.safety-margin=250ms",
                "--patchbay.redis.url=" + EmbeddedRedis.url(),
                "--patchbay.redis.key-prefix=" + prefix,
                "--patchbay.redis.lease-time=3s"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PatchbayApplication.class, TestSupportConfig.class, TestData.class, DemoCatalog.class,
                        FakeSystems.class)
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopTwoNodes() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        upstream.on("/", arrival -> Answer.json(200, "{\"ok\":true}"));
        tenant = data.company();
        connectors = new BuiltConnectors(one, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void shouldCountLoginFailuresOnOneNodeOnTheOther() {
        // Both nodes see the test's client at 127.0.0.1; the failures go to one node, the right password to the other.
        Tenant neighbour = data.company();
        for (int attempt = 1; attempt <= 10; attempt++) {
            Response refused = one.post("/fabric/api/login", null, Map.of("username", tenant.adminEmail(), "password", "guess-" + attempt));
            assertThat(refused.status()).as("attempt %d", attempt).isEqualTo(401);
        }

        Response throttled = two.post("/fabric/api/login", null,
                Map.of("username", tenant.adminEmail(), "password", tenant.adminPassword()));
        Response elsewhere = two.post("/fabric/api/login", null,
                Map.of("username", neighbour.adminEmail(), "password", neighbour.adminPassword()));

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(elsewhere.status()).as("the address itself is below its limit: " + elsewhere).isEqualTo(200);
    }

    @Test
    void shouldNeverStartMoreThanTheLimitInAnyWindowUnderABurstOfSixTimesItSplitAcrossTwoNodes() throws Exception {
        warmUp();
        long connector = connector(5, "second", null);

        List<Response> responses = Concurrently.call(30, n -> get(n % 2 == 0 ? one : two, connector, "/burst/" + n, "wait=60"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<Arrival> arrivals = upstream.arrivals("/burst/");
        assertThat(arrivals).as("queued, not dropped").hasSize(30);
        List<Long> times = arrivals.stream().map(Arrival::nanoTime).sorted().toList();
        for (int i = 0; i < times.size(); i++) {
            long windowEnd = times.get(i) + 1_000_000_000L - STUB_JITTER_NANOS;
            long inWindow = times.stream().skip(i).takeWhile(t -> t < windowEnd).count();
            assertThat(inWindow).as("arrivals in the window starting at arrival " + i + ", ms after the first: "
                    + times.stream().map(t -> (t - times.get(0)) / 1_000_000).toList()).isLessThanOrEqualTo(5);
        }
        Response usage = two.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey());
        assertThat(usage.at("/data/rate_limit/queued").asInt()).as("nobody left behind").isZero();
    }

    @Test
    void shouldKeepAPoolsLimitAcrossTwoInstancesOnTwoNodes() throws Exception {
        AtomicInteger most = upstream.slow("/slow", 300);
        Response pool = one.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "Shared", "limit", 2, "timeout", 60));
        assertThat(pool.status()).as(pool.toString()).isIn(200, 201);
        long poolId = pool.at("/data/id").asLong();
        long firstInstance = connector(1000, "second", poolId);
        long secondInstance = connector(1000, "second", poolId);

        List<Response> responses = Concurrently.call(12, n -> get(n % 2 == 0 ? one : two,
                n % 4 < 2 ? firstInstance : secondInstance, "/slow/" + n, "wait=60"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(upstream.arrivals("/slow")).hasSize(12);
        assertThat(most.get()).as("requests in flight at the system at once, from both nodes").isBetween(1, 2);
        assertThat(inFlightEventually(secondInstance)).as("every slot given back").isZero();
    }

    @Test
    void shouldHoldBackTheOtherNodeWhileTheSystemAskedOneNodeToPause() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        upstream.on("/busy", arrival -> calls.incrementAndGet() == 1
                ? new Answer(429, Map.of("Retry-After", "3", "Content-Type", "application/json"), "{}".getBytes())
                : Answer.json(200, "{\"done\":true}"));
        long connector = connector(1000, "second", null);

        CompletableFuture<Response> retried = CompletableFuture.supplyAsync(() -> get(one, connector, "/busy", "wait=60"));
        Response paused = pausedUntil(connector);
        assertThat(paused.at("/data/paused_until").isNull()).as("the second node sees the first node's pause").isFalse();

        Response refused = get(two, connector, "/impatient", "wait=1");
        Response waited = get(two, connector, "/patient", "wait=60");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Patchbay-Error")).isEqualTo("rate_limited");
        assertThat(upstream.arrivals("/impatient")).as("nothing sent").isEmpty();
        assertThat(waited.status()).as(waited.toString()).isEqualTo(200);
        assertThat(retried.get().status()).isEqualTo(200);
        List<Arrival> busy = upstream.arrivals("/busy");
        assertThat(busy).as("the 429 and the retry after the pause").hasSize(2);
        long pauseEnd = busy.get(0).nanoTime() + 3_000_000_000L;
        // A lower bound: the pause began when the 429 was answered, after its arrival; lateness only adds.
        assertThat(upstream.arrivals("/patient").get(0).nanoTime()).as("the other node waited for the pause")
                .isGreaterThanOrEqualTo(pauseEnd - STUB_JITTER_NANOS);
        assertThat(busy.get(1).nanoTime()).isGreaterThanOrEqualTo(pauseEnd - STUB_JITTER_NANOS);
    }

    // --- helpers ----------------------------------------------------------------------------------

    /**
     * A first burst through both nodes on an instance without a practical limit: the stub's handler
     * threads, both nodes' connections and the code paths are warm before the measured burst, whose
     * first starts would otherwise reach the stub hundreds of milliseconds after they were counted on
     * this 2-core machine (cold threads, JIT), while the starts that waited arrive on time.
     */
    private void warmUp() throws Exception {
        long unlimited = connector(1000, "second", null);
        List<Response> responses = Concurrently.call(12, n -> get(n % 2 == 0 ? one : two, unlimited, "/warm-up/" + n, "wait=60"));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    }

    private long connector(int amount, String unit, Long poolId) {
        Spec spec = Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null);
        return connectors.connector(spec, BuiltConnectors.limits(amount, unit, poolId));
    }

    private Response get(Api node, long connector, String path, String prefer) {
        return node.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", path), Map.of("Prefer", prefer));
    }

    /** The second node's usage once it shows a pause (the first node sets it when the 429 comes back), or after 20 s. */
    private Response pausedUntil(long connector) throws InterruptedException {
        Response usage = two.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey());
        for (int i = 0; i < 400 && usage.at("/data/paused_until").isNull(); i++) {
            Thread.sleep(50);
            usage = two.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey());
        }
        return usage;
    }

    /** A slot is given back without waiting for Redis's answer: read until it shows, or 10 s. */
    private int inFlightEventually(long connector) throws InterruptedException {
        int inFlight = -1;
        for (int i = 0; i < 200 && inFlight != 0; i++) {
            if (i > 0) {
                Thread.sleep(50);
            }
            inFlight = two.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey()).at("/data/connection_pool/in_flight").asInt();
        }
        return inFlight;
    }

}
