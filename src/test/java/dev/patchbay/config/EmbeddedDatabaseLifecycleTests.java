package dev.patchbay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.ServiceProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service as an operator runs it: its own JVM with the production defaults, stopped with SIGTERM or
 * killed with SIGKILL, then started again on the same data directory.
 */
class EmbeddedDatabaseLifecycleTests {

    /** {@code DB_SHUTDOWNED} in pg_control: the server stopped cleanly, the next start replays nothing. */
    private static final int SHUT_DOWN = 1;

    @Test
    void shouldRunDurableAndKeepEveryCommittedWriteWhenTheJavaProcessIsKilled() throws Exception {
        Path dataDir = freshDataDir();
        List<String> committedKeys = new ArrayList<>();
        long orphan;
        try (ServiceProcess first = ServiceProcess.start(dataDir)) {
            assertThat(show(dataDir, "fsync")).isEqualTo("on");
            assertThat(show(dataDir, "synchronous_commit")).isEqualTo("on");
            for (int i = 0; i < 5; i++) {
                committedKeys.add(createCompany(first.api(), "Committed " + i).at("/data/api_key").asString());
            }

            first.kill();

            Postmaster leftBehind = Postmaster.of(postgres(dataDir)).orElseThrow();
            assertThat(leftBehind.pid()).as("the database outlives the killed JVM").isPositive();
            orphan = leftBehind.pid();
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir)) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
            assertThat(Postmaster.of(postgres(dataDir)).orElseThrow().pid()).isNotEqualTo(orphan);
            for (String key : committedKeys) {
                Response response = second.api().get("/api/v1/connectors", key);
                assertThat(response.status()).as("the key of a committed company authenticates").isEqualTo(200);
            }
            assertThat(show(dataDir, "fsync")).isEqualTo("on");
        }
    }

    /**
     * The request in flight is a write held on a lock the test takes directly in the database, so it is
     * still running when SIGTERM arrives. The service refuses new connections, finishes that request once
     * the lock is released, and only then stops its database, cleanly.
     */
    @Test
    void shouldFinishTheRequestInFlightOnSigtermThenStopTheDatabaseCleanly() throws Exception {
        Path dataDir = freshDataDir();
        Response inFlight;
        try (ServiceProcess service = ServiceProcess.start(dataDir, "--patchbay.database.statement-timeout=60s")) {
            try (Connection locker = connect(dataDir)) {
                locker.setAutoCommit(false);
                try (Statement statement = locker.createStatement()) {
                    statement.execute("LOCK TABLE companies IN EXCLUSIVE MODE");
                }
                Api api = service.api();
                CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> createCompany(api, "In flight"));
                awaitInsertWaitingOnLock(dataDir);

                service.terminate();
                awaitNewConnectionsRefused(service);
                locker.commit();

                inFlight = slow.get(60, TimeUnit.SECONDS);
            }
            assertThat(service.awaitExit(Duration.ofSeconds(60))).as("the service stops").isTrue();
        }

        assertThat(inFlight.status()).as(inFlight.toString()).isEqualTo(201);
        assertThat(postgres(dataDir).resolve("postmaster.pid")).doesNotExist();
        assertThat(clusterState(dataDir)).as("pg_control: shut down cleanly").isEqualTo(SHUT_DOWN);
    }

    // ---- helpers

    private static Path freshDataDir() {
        return Path.of("target", "test-data", "lifecycle-" + UUID.randomUUID()).toAbsolutePath();
    }

    private static Path postgres(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    private static Response createCompany(Api api, String name) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response response = api.post("/api/v1/companies", ApiTest.PLATFORM_API_KEY,
                Map.of("name", name, "admin", Map.of("email", email, "password", "correct-horse-battery")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static Connection connect(Path dataDir) throws IOException, SQLException {
        int port = Postmaster.of(postgres(dataDir)).orElseThrow().port();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static String show(Path dataDir, String setting) throws Exception {
        try (Connection connection = connect(dataDir);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void awaitInsertWaitingOnLock(Path dataDir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = connect(dataDir); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO companies%'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the write should reach the locked table").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    /** Graceful shutdown closes the listening socket first: a fresh client cannot connect any more. */
    private static void awaitNewConnectionsRefused(ServiceProcess service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Api(service.port()).get("/actuator/health", null);
            } catch (IllegalStateException refused) {
                return;
            }
            Thread.sleep(100);
        }
        assertThatThrownBy(() -> new Api(service.port()).get("/actuator/health", null))
                .as("new requests are refused during the graceful stop")
                .isInstanceOf(IllegalStateException.class);
    }

    /** The cluster state field of global/pg_control (after the 8-byte system id and two 4-byte versions). */
    private static int clusterState(Path dataDir) throws IOException {
        byte[] control = Files.readAllBytes(postgres(dataDir).resolve("global").resolve("pg_control"));
        return ByteBuffer.wrap(control, 16, 4).order(ByteOrder.nativeOrder()).getInt();
    }
}
