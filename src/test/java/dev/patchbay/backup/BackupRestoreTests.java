package dev.patchbay.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.PatchbayApplication;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The backup an operator takes with {@code java -jar patchbay.jar backup --to=DIR} while the service runs,
 * and the restore with it stopped: the restored service has the backed-up state, not what came after.
 * The service runs in this JVM (a whole application context, started and stopped like the real one).
 */
class BackupRestoreTests {

    @Test
    void shouldRestoreTheStateOfAnOnlineBackup() throws Exception {
        Path dataDir = Path.of("target", "test-data", "backup-" + UUID.randomUUID()).toAbsolutePath();
        Path backup = dataDir.resolveSibling(dataDir.getFileName() + "-backup");
        String backedUp;
        String afterwards;
        try (ConfigurableApplicationContext service = start(dataDir)) {
            Api api = api(service);
            backedUp = createCompany(api, "Backed up");

            Command backupRun = command("backup", "--patchbay.data-dir=" + dataDir, "--to=" + backup);

            afterwards = createCompany(api, "After the backup");
            Command refused = command("restore", "--patchbay.data-dir=" + dataDir, "--from=" + backup);
            assertThat(backupRun.exitCode()).as(backupRun.output()).isZero();
            assertThat(refused.exitCode()).as("no restore under a running service").isEqualTo(1);
            assertThat(refused.output()).contains("stop Patchbay first");
            assertThat(api.get("/api/v1/connectors", afterwards).status()).isEqualTo(200);
        }
        assertThat(backup.resolve("postgres").resolve("backup_label")).exists();
        assertThat(backup.resolve("master.key")).exists();

        Command restore = command("restore", "--patchbay.data-dir=" + dataDir, "--from=" + backup);

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        try (ConfigurableApplicationContext restored = start(dataDir)) {
            Api api = api(restored);
            assertThat(api.get("/api/v1/connectors", backedUp).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/connectors", afterwards).status()).as("written after the backup").isEqualTo(401);
        }
        try (var replaced = Files.list(dataDir)) {
            assertThat(replaced.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("postgres.before-restore-"));
        }
    }

    @Test
    void shouldRefuseABackupIntoAnExistingDirectoryAndARestoreFromANonBackup() throws IOException {
        Path somewhere = Files.createDirectories(Path.of("target", "test-data", "not-a-backup-" + UUID.randomUUID()));

        Command backup = command("backup", "--patchbay.data-dir=" + somewhere, "--to=" + somewhere);
        Command restore = command("restore", "--patchbay.data-dir=" + somewhere.resolve("data"), "--from=" + somewhere);
        Command usage = command("backup", "--patchbay.data-dir=" + somewhere);

        assertThat(backup.exitCode()).isEqualTo(1);
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.output()).contains("is not a Patchbay backup");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("backup --to=DIR");
    }

    // ---- helpers

    private record Command(int exitCode, String output) {}

    private static Command command(String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exitCode = BackupCommand.run(print, print, args);
        return new Command(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PatchbayApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run(
                        "--server.port=0",
                        "--patchbay.data-dir=" + dataDir,
                        // a throw-away database: the fast settings, as in ApiTest
                        "--patchbay.database.embedded.durable=false",
                        "--patchbay.bootstrap.admin-password=" + ApiTest.DEMO_ADMIN_PASSWORD,
                        "--patchbay.bootstrap.api-key=" + ApiTest.DEMO_API_KEY,
                        "--patchbay.bootstrap.platform-api-key=" + ApiTest.PLATFORM_API_KEY);
    }

    private static Api api(ConfigurableApplicationContext service) {
        return new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    /** Returns the new company's API key. */
    private static String createCompany(Api api, String name) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response response = api.post("/api/v1/companies", ApiTest.PLATFORM_API_KEY,
                Map.of("name", name, "admin", Map.of("email", email, "password", "correct-horse-battery")));
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
