package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.patchbay.PatchbayApplication;
import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.StubUpstream.Arrival;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Asynchronous requests across a restart and across two nodes: whole application contexts in this JVM
 * on one PostgreSQL, started and stopped like the real service. What ran is read from the stub's
 * arrival log: nothing queued is lost, nothing recorded runs again, and a request that was in flight
 * when its node stopped is sent again only when that is harmless.
 */
class AsyncRestartTests {

    private StubUpstream upstream;
    private final CountDownLatch release = new CountDownLatch(1);
    private Path dataDir;

    @BeforeEach
    void startUpstream() {
        dataDir = Path.of("target", "test-data", "async-" + UUID.randomUUID()).toAbsolutePath();
        upstream = new StubUpstream();
        upstream.on("/", arrival -> Answer.json(200, "{\"ok\":true}"));
        // The first request under /hold/ of each kind is held (it is in flight when its node stops); later ones answer.
        upstream.on("/hold/", arrival -> {
            if (upstream.arrivals(arrival.path()).size() == 1) {
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Answer.json(200, "{\"held\":true}");
        });
    }

    @AfterEach
    void stopUpstream() {
        release.countDown();
        upstream.close();
    }

    @Test
    void shouldLoseNothingAndRunNothingTwiceAcrossARestartAndInterruptTheRequestThatWasInFlight() throws Exception {
        String key;
        long inFlightPost;
        long inFlightGet;
        List<Long> queued = new ArrayList<>();
        try (ConfigurableApplicationContext node = start()) {
            Api api = api(node);
            key = createCompany(api);
            BuiltConnectors connectors = new BuiltConnectors(api, new Tenant(0, key, null, null, null));
            long first = connectors.connector(Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null));
            long second = connectors.connector(Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null));
            inFlightPost = accepted(api, key, first, Map.of("method", "POST", "path", "/hold/post", "body", "{}"));
            inFlightGet = accepted(api, key, second, Map.of("method", "GET", "path", "/hold/get"));
            awaitArrivals("/hold/", 2);
            assertThat(api.get("/api/v1/requests/" + inFlightPost, key).at("/data/status").asString()).isEqualTo("running");
            for (int n = 0; n < 5; n++) {
                // Behind the held POST: a connector's requests run one at a time, in order.
                queued.add(accepted(api, key, first, Map.of("method", "POST", "path", "/after/" + n, "body", "{}")));
            }
            for (long id : queued) {
                assertThat(api.get("/api/v1/requests/" + id, key).at("/data/status").asString()).isEqualTo("queued");
            }
        } // stopped with two requests in flight past the shutdown grace, five queued

        try (ConfigurableApplicationContext restarted = start()) {
            Api api = api(restarted);
            Response post = AsyncRequestsApiTests.finished(api, key, inFlightPost);
            Response get = AsyncRequestsApiTests.finished(api, key, inFlightGet);
            for (long id : queued) {
                assertThat(AsyncRequestsApiTests.finished(api, key, id).at("/data/status").asString()).isEqualTo("succeeded");
            }

            assertThat(post.at("/data/status").asString()).as(post.toString()).isEqualTo("interrupted");
            assertThat(post.at("/data/error/code").asString()).isEqualTo("interrupted");
            assertThat(post.at("/data/finished_at").asString()).matches(AsyncRequestsApiTests.TIMESTAMP);
            assertThat(get.at("/data/status").asString()).as("idempotent: sent again").isEqualTo("succeeded");
        }
        assertThat(upstream.arrivals("/hold/post")).as("not idempotent: never sent again").hasSize(1);
        assertThat(upstream.arrivals("/hold/get")).as("idempotent: sent again after the restart").hasSize(2);
        assertThat(upstream.arrivals("/after/").stream().map(Arrival::path).toList()).as("each queued request once, in order")
                .containsExactly(IntStream.range(0, 5).mapToObj(n -> "/after/" + n).toArray(String[]::new));
    }

    @Test
    void shouldLetARunningRequestFinishWithinTheShutdownGrace() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        upstream.on("/slow", arrival -> {
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{\"slow\":true}");
        });
        String key;
        long id;
        try (ConfigurableApplicationContext node = start("--patchbay.outbound.async.shutdown-grace=15s")) {
            Api api = api(node);
            key = createCompany(api);
            long connector = new BuiltConnectors(api, new Tenant(0, key, null, null, null))
                    .connector(Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null));
            id = accepted(api, key, connector, Map.of("method", "POST", "path", "/slow", "body", "{}"));
            awaitArrivals("/slow", 1);
            // The system answers only once the stop has begun: the request finishes within the grace.
            node.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
                Thread answering = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer.countDown();
                });
                answering.setDaemon(true);
                answering.start();
            });
        }

        try (ConfigurableApplicationContext restarted = start()) {
            Response done = AsyncRequestsApiTests.finished(api(restarted), key, id);

            assertThat(done.at("/data/status").asString()).as(done.toString()).isEqualTo("succeeded");
            assertThat(done.at("/data/response/body").asString()).contains("slow");
        }
        assertThat(upstream.arrivals("/slow")).hasSize(1);
    }

    @Test
    void shouldRunEachRequestOnExactlyOneOfTwoNodesSharingADatabase() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            String jdbcUrl = ((HikariDataSource) first.getBean(DataSource.class)).getJdbcUrl();
            try (ConfigurableApplicationContext second = start("--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres")) {
                List<Api> nodes = List.of(api(first), api(second));
                String key = createCompany(nodes.get(0));
                BuiltConnectors connectors = new BuiltConnectors(nodes.get(0), new Tenant(0, key, null, null, null));
                List<Long> connectorIds = Stream.generate(() -> connectors.connector(
                        Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null))).limit(3).toList();

                List<Long> ids = new ArrayList<>();
                for (int n = 0; n < 30; n++) {
                    ids.add(accepted(nodes.get(n % 2), key, connectorIds.get(n % 3),
                            Map.of("method", "POST", "path", "/two/" + n, "body", "{}")));
                }
                for (int n = 0; n < ids.size(); n++) {
                    Response done = AsyncRequestsApiTests.finished(nodes.get((n + 1) % 2), key, ids.get(n));
                    assertThat(done.at("/data/status").asString()).as(done.toString()).isEqualTo("succeeded");
                }
                // A request wakes the node it was sent to, so each node claims some of them.
                assertThat(first.getBean(JdbcClient.class).sql("SELECT count(DISTINCT claimed_by) FROM async_requests "
                        + "WHERE id IN (:ids)").param("ids", ids).query(Long.class).single()).as("nodes that ran them")
                        .isEqualTo(2);
            }
        }
        assertThat(upstream.arrivals("/two/").stream().map(Arrival::path).sorted().toList()).as("each exactly once")
                .containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(n -> "/two/" + n).sorted().toList());
    }

    private static long accepted(Api api, String key, long connector, Map<String, Object> body) {
        Response response = api.send("POST", "/api/v1/connectors/" + connector + "/requests", key, body,
                Map.of("Prefer", "respond-async"));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.at("/data/id").asLong();
    }

    private void awaitArrivals(String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (upstream.arrivals(prefix).size() < count) {
            assertThat(System.nanoTime()).as("arrivals under " + prefix).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--patchbay.data-dir=" + dataDir,
                "--patchbay.database.embedded.durable=false",
                "--patchbay.bootstrap.admin-password=" + ApiTest.DEMO_ADMIN_PASSWORD,
                "--patchbay.bootstrap.api-key=" + ApiTest.DEMO_API_KEY,
                "--patchbay.bootstrap.platform-api-key=" + ApiTest.PLATFORM_API_KEY,
                "--patchbay.outbound.allowed-networks=127.0.0.1/32",
                "--patchbay.outbound.safety-margin=100ms",
                // short enough for a test: a dead node's requests are recovered seconds later
                "--patchbay.outbound.async.lease=2s",
                "--patchbay.outbound.async.poll-interval=200ms",
                "--patchbay.outbound.async.shutdown-grace=500ms"));
        for (String setting : extra) { // a setting given twice would be read as a list: the test's own wins
            args.removeIf(arg -> arg.startsWith(setting.substring(0, setting.indexOf('=') + 1)));
            args.add(setting);
        }
        return new SpringApplicationBuilder(PatchbayApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext service) {
        return new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    /** Returns the new company's API key. */
    private static String createCompany(Api api) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response response = api.post("/api/v1/companies", ApiTest.PLATFORM_API_KEY,
                Map.of("name", "Async " + UUID.randomUUID().toString().substring(0, 8),
                        "admin", Map.of("email", email, "password", "correct-horse-battery")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/data/api_key").asString();
    }

    /** The service's component scan would find the test support components; as in production, it does not. */
    private static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
