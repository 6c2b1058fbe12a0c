package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.config.Postmaster;
import dev.patchbay.secret.EncryptedColumns.Column;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.ServiceProcess;
import dev.patchbay.support.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN §6 key rotation, end to end, the way an operator does it (docs/operations.md): values written
 * under key A (bound v2 and legacy v1), the service restarted with B as the current key and A in the ring
 * (everything still readable), {@code rotate-keys} run while it serves, A removed, and everything still
 * readable under B alone.
 */
class KeyRotationTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SANDBOX_KEY = "sandbox-demo-key";

    private static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void shouldReEncryptEverythingUnderTheNewKeySoThatTheOldKeyCanBeRemoved() throws Exception {
        Path dataDir = Path.of("target/test-data/rotation-" + UUID.randomUUID()).toAbsolutePath();
        byte[] a = newKey();
        byte[] b = newKey();
        SecretCipher onlyA = new SecretCipher(new KeyRing(a, List.of()));
        SecretCipher onlyB = new SecretCipher(new KeyRing(b, List.of()));
        Map<String, String> expected = new LinkedHashMap<>();
        long sandbox;

        try (ServiceProcess service = ServiceProcess.start(dataDir, "--patchbay.secrets.master-key=" + base64(b),
                "--patchbay.secrets.previous-keys=" + base64(a))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt.key"))))
                    .isEqualTo("rw-------");
            Api api = service.api();
            sandbox = sandboxConnector(api);
            long certificate = api.post("/api/v1/certificates", ApiTest.DEMO_API_KEY, Map.of("certificate",
                    TestCertificates.generate("rotation.test").pkcs12Base64("p12-secret"), "passphrase", "p12-secret"))
                    .at("/data/id").asLong();
            JdbcClient jdbc = database(dataDir);
            long company = jdbc.sql("SELECT company_id FROM connectors WHERE id = :id").param("id", sandbox)
                    .query(Long.class).single();

            // What an older Patchbay wrote under key A: bound values and legacy v1 values, in every encrypted column.
            long apiKeyRow = jdbc.sql("SELECT id FROM variables WHERE connector_id = :id AND key = 'api_key'")
                    .param("id", sandbox).query(Long.class).single();
            String content = onlyB.decrypt(stored(jdbc, EncryptedColumns.CERTIFICATE_CONTENT, certificate),
                    EncryptedColumns.CERTIFICATE_CONTENT.binding(company, certificate));
            write(jdbc, EncryptedColumns.VARIABLE_VALUE, apiKeyRow,
                    onlyA.encrypt(SANDBOX_KEY, EncryptedColumns.VARIABLE_VALUE.binding(company, apiKeyRow)));
            write(jdbc, EncryptedColumns.CERTIFICATE_CONTENT, certificate, SecretCipherTest.legacyV1(a, content));
            write(jdbc, EncryptedColumns.CERTIFICATE_PASSPHRASE, certificate,
                    onlyA.encrypt("p12-secret", EncryptedColumns.CERTIFICATE_PASSPHRASE.binding(company, certificate)));
            jdbc.sql("INSERT INTO connector_tokens (connector_id, company_id, access_token_encrypted, refresh_token_encrypted) "
                            + "VALUES (:id, :company, :access, :refresh)")
                    .param("id", sandbox).param("company", company)
                    .param("access", SecretCipherTest.legacyV1(a, "access-token-under-a"))
                    .param("refresh", onlyA.encrypt("refresh-token-under-a", EncryptedColumns.REFRESH_TOKEN.binding(company, sandbox)))
                    .update();
            // A finished asynchronous request: its payload bound under A, its result a legacy v1 value.
            long asyncRow = jdbc.sql("INSERT INTO async_requests (company_id, connector_id, method, resendable, "
                            + "idempotency_key, status, finished_at) VALUES (:company, :id, 'GET', true, false, 'failed', now()) "
                            + "RETURNING id")
                    .param("company", company).param("id", sandbox).query(Long.class).single();
            write(jdbc, EncryptedColumns.ASYNC_PAYLOAD, asyncRow,
                    onlyA.encrypt("{\"method\":\"GET\"}", EncryptedColumns.ASYNC_PAYLOAD.binding(company, asyncRow)));
            write(jdbc, EncryptedColumns.ASYNC_RESULT, asyncRow, SecretCipherTest.legacyV1(a, "{\"error\":null}"));
            expected.put(EncryptedColumns.ASYNC_PAYLOAD + "#" + asyncRow, "{\"method\":\"GET\"}");
            expected.put(EncryptedColumns.ASYNC_RESULT + "#" + asyncRow, "{\"error\":null}");
            expected.put(EncryptedColumns.VARIABLE_VALUE + "#" + apiKeyRow, SANDBOX_KEY);
            expected.put(EncryptedColumns.CERTIFICATE_CONTENT + "#" + certificate, content);
            expected.put(EncryptedColumns.CERTIFICATE_PASSPHRASE + "#" + certificate, "p12-secret");
            expected.put(EncryptedColumns.ACCESS_TOKEN + "#" + sandbox, "access-token-under-a");
            expected.put(EncryptedColumns.REFRESH_TOKEN + "#" + sandbox, "refresh-token-under-a");

            assertThat(credentialCheck(api, sandbox).status()).as("A is in the ring: the value written under A is read")
                    .isEqualTo(200);
            assertThat(keepStoredValues(api, sandbox, apiKeyRow).status()).isEqualTo(200);

            String[] ring = {"rotate-keys", "--patchbay.data-dir=" + dataDir, "--patchbay.secrets.master-key=" + base64(b),
                "--patchbay.secrets.previous-keys=" + base64(a), "--batch-size=2"};
            Run first = rotateKeys(ring);
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out()).contains("variables.value: ").contains(" processed")
                    .contains("Every stored secret is now under the key " + onlyB.ring().currentId());
            assertThat(first.out() + first.err()).doesNotContain(SANDBOX_KEY).doesNotContain("p12-secret")
                    .doesNotContain(base64(a)).doesNotContain(base64(b));
            assertEverythingUnder(jdbc, onlyB, company, expected);

            Run again = rotateKeys(ring);
            assertThat(again.exitCode()).as("a rerun finds nothing left: " + again).isZero();
            assertThat(again.out()).contains("Done: 0 re-encrypted");

            // A value no key of the ring opens is reported by where it is, left untouched, and the run fails.
            String foreign = new SecretCipher(new KeyRing(newKey(), List.of()))
                    .encrypt("foreign-plain-value", EncryptedColumns.REFRESH_TOKEN.binding(company, sandbox));
            String before = stored(jdbc, EncryptedColumns.REFRESH_TOKEN, sandbox);
            write(jdbc, EncryptedColumns.REFRESH_TOKEN, sandbox, foreign);
            Run unreadable = rotateKeys(ring);
            assertThat(unreadable.exitCode()).isEqualTo(1);
            assertThat(unreadable.out()).contains("connector_tokens.refresh_token_encrypted #" + sandbox).doesNotContain("foreign-plain-value");
            assertThat(stored(jdbc, EncryptedColumns.REFRESH_TOKEN, sandbox)).isEqualTo(foreign);
            write(jdbc, EncryptedColumns.REFRESH_TOKEN, sandbox, before);
        }

        try (ServiceProcess service = ServiceProcess.start(dataDir, "--patchbay.secrets.master-key=" + base64(b))) {
            Api api = service.api();
            assertThat(credentialCheck(api, sandbox).status()).as("A removed: everything reads under B").isEqualTo(200);
            long apiKeyRow = Long.parseLong(expected.keySet().stream()
                    .filter(where -> where.startsWith(EncryptedColumns.VARIABLE_VALUE + "#")).findFirst().orElseThrow()
                    .replaceAll(".*#", ""));
            assertThat(keepStoredValues(api, sandbox, apiKeyRow).status()).isEqualTo(200);
            JdbcClient jdbc = database(dataDir);
            long company = jdbc.sql("SELECT company_id FROM connectors WHERE id = :id").param("id", sandbox)
                    .query(Long.class).single();
            assertEverythingUnder(jdbc, onlyB, company, expected);
        }
    }

    private static void assertEverythingUnder(JdbcClient jdbc, SecretCipher cipher, long company, Map<String, String> expected) {
        for (Column column : EncryptedColumns.ALL) {
            List<String> values = jdbc.sql("SELECT " + column.column() + " FROM " + column.table() + " WHERE "
                            + column.column() + " IS NOT NULL" + (column.onlyWhere().isEmpty() ? "" : " AND " + column.onlyWhere()))
                    .query(String.class).list();
            assertThat(values).as("%s", column).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith(cipher.currentPrefix()));
        }
        expected.forEach((where, plain) -> {
            Column column = EncryptedColumns.ALL.stream().filter(c -> where.startsWith(c + "#")).findFirst().orElseThrow();
            long id = Long.parseLong(where.substring(where.indexOf('#') + 1));
            assertThat(cipher.decrypt(stored(jdbc, column, id), column.binding(company, id))).as(where).isEqualTo(plain);
        });
    }

    private static long sandboxConnector(Api api) {
        for (JsonNode connector : api.get("/api/v1/connectors?per_page=100", ApiTest.DEMO_API_KEY).json().get("data")) {
            if (connector.get("name").asString().equals("Sandbox (demo)")) {
                return connector.get("id").asLong();
            }
        }
        throw new IllegalStateException("No demo sandbox connector");
    }

    /** The credential check decrypts the secret variable and sends it to the built-in sandbox, which checks it. */
    private static Response credentialCheck(Api api, long connector) {
        return api.post("/api/v1/connectors/" + connector + "/test", ApiTest.DEMO_API_KEY, null);
    }

    /** An update that sends the mask back: the stored value is decrypted and kept. */
    private static Response keepStoredValues(Api api, long connector, long variable) {
        return api.put("/api/v1/connectors/" + connector, ApiTest.DEMO_API_KEY,
                Map.of("variables", List.of(Map.of("id", variable, "value", SecretMask.MASK))));
    }

    private static JdbcClient database(Path dataDir) throws Exception {
        int port = Postmaster.of(dataDir.resolve("postgres")).orElseThrow().port();
        return JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
    }

    private static String stored(JdbcClient jdbc, Column column, long id) {
        return jdbc.sql("SELECT " + column.column() + " FROM " + column.table() + " WHERE " + column.idColumn() + " = :id")
                .param("id", id).query(String.class).single();
    }

    private static void write(JdbcClient jdbc, Column column, long id, String value) {
        jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = :value WHERE " + column.idColumn() + " = :id")
                .param("value", value).param("id", id).update();
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run rotateKeys(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RotateKeysCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
