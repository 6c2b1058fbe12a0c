package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.config.Postmaster;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A database that stops answering, as a network partition looks: the test pauses its own embedded
 * PostgreSQL (SIGSTOP to the server and every process of it) and resumes it (SIGCONT). Its context has
 * short timeouts so that the test stays quick; the bound asserted is three times what is configured.
 */
@TestPropertySource(properties = {
    "patchbay.database.connection-timeout=1s",
    "patchbay.database.statement-timeout=2s"
})
class DatabaseOutageTests extends ApiTest {

    /** Three times the configured bounds of one database call (connection 1 s + statement 2 s). */
    private static final Duration BOUND = Duration.ofSeconds(9);

    @Autowired
    private PatchbayProperties properties;

    @Test
    void shouldAnswer503WithRetryAfterWhileTheDatabaseIsPausedAndRecoverWhenItResumes() throws Exception {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Before the outage");
        List<Long> server = serverProcesses();

        Timed read;
        Timed health;
        Timed write;
        signal("STOP", server);
        try {
            read = timed(() -> api.get("/api/v1/connectors/" + id, tenant.apiKey()));
            health = timed(() -> api.get("/actuator/health", null));
            write = timed(() -> api.post("/api/v1/connectors", tenant.apiKey(), data.shopifyBody(tenant, "During")));
        } finally {
            signal("CONT", server);
        }

        for (Timed answer : List.of(read, write)) {
            assertThat(answer.response().status()).as(answer.response().toString()).isEqualTo(503);
            assertThat(answer.response().header("Retry-After")).isEqualTo("5");
            assertThat(answer.response().json().propertyNames()).containsExactly("message");
            assertThat(answer.elapsed()).isLessThan(BOUND);
        }
        assertThat(health.response().status()).as(health.response().toString()).isEqualTo(503);
        assertThat(health.response().at("/status").asString()).isEqualTo("DOWN");
        assertThat(health.elapsed()).isLessThan(BOUND);

        Response afterwards = eventually(() -> api.get("/api/v1/connectors/" + id, tenant.apiKey()));
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
        assertThat(afterwards.at("/data/name").asString()).isEqualTo("Before the outage");
        assertThat(api.get("/actuator/health", null).at("/status").asString()).isEqualTo("UP");
        assertThat(api.post("/api/v1/connectors", tenant.apiKey(), data.shopifyBody(tenant, "After")).status()).isEqualTo(200);
        assertThat(connectorNames(tenant)).containsExactlyInAnyOrder("Before the outage", "After");
    }

    /**
     * The write is held inside its transaction (its connector row inserted, its variables waiting on a
     * lock the test holds) when the database pauses. Its client gives up; when the database resumes and
     * the lock is released, the transaction was never committed, so the connector row goes with it.
     */
    @Test
    void shouldLeaveNoHalfWrittenConnectorWhenTheOutageInterruptsTheWrite() throws Exception {
        Tenant tenant = data.company();
        List<Long> server = serverProcesses();
        Response interrupted;
        try (Connection locker = directConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("LOCK TABLE variables IN EXCLUSIVE MODE");
            }
            CompletableFuture<Response> write = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/connectors", tenant.apiKey(), data.shopifyBody(tenant, "Interrupted")));
            awaitWaitingOnLock();
            signal("STOP", server);
            try {
                interrupted = write.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                signal("CONT", server);
            }
            locker.rollback();
        }

        assertThat(interrupted.status()).as(interrupted.toString()).isEqualTo(503);
        Response list = eventually(() -> api.get("/api/v1/connectors", tenant.apiKey()));
        assertThat(list.status()).isEqualTo(200);
        assertThat(connectorNames(tenant)).isEmpty();
        assertThat(directCount("SELECT count(*) FROM connectors WHERE company_id = " + tenant.id())).isZero();
    }

    // ---- helpers

    private record Timed(Response response, Duration elapsed) {}

    private static Timed timed(Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Retries until the answer is no longer a 503: the pool replaces the connections the outage broke. */
    private static Response eventually(Supplier<Response> request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Response response = request.get();
        while (response.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = request.get();
        }
        return response;
    }

    private List<String> connectorNames(Tenant tenant) {
        Response list = api.get("/api/v1/connectors", tenant.apiKey());
        List<String> names = new ArrayList<>();
        list.at("/data").forEach(connector -> names.add(connector.get("name").asString()));
        return names;
    }

    /** The postmaster of this context's own data directory and all its children. */
    private List<Long> serverProcesses() throws IOException {
        Postmaster postmaster = Postmaster.of(postgresDirectory()).orElseThrow();
        ProcessHandle handle = ProcessHandle.of(postmaster.pid()).orElseThrow();
        return Stream.concat(Stream.of(handle), handle.descendants()).map(ProcessHandle::pid).toList();
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(pid.toString()));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private java.nio.file.Path postgresDirectory() {
        return properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
    }

    private Connection directConnection() throws IOException, SQLException {
        int port = Postmaster.of(postgresDirectory()).orElseThrow().port();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private long directCount(String sql) throws Exception {
        try (Connection connection = directConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void awaitWaitingOnLock() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (directCount("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE 'INSERT INTO variables%'") == 0) {
            assertThat(System.nanoTime()).as("the write should reach the locked table").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
