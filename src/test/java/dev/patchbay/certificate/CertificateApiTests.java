package dev.patchbay.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.RowBinding;
import dev.patchbay.secret.SecretCipher;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestCertificates;
import dev.patchbay.support.TestCertificates.Generated;
import dev.patchbay.support.TestData.Tenant;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class CertificateApiTests extends ApiTest {

    private static final String CERTIFICATES = "/api/v1/certificates";
    private static final Generated CLIENT = TestCertificates.generate("client.example.test");
    private static final Generated OTHER = TestCertificates.generate("other.example.test", "EC");

    @Autowired
    private SecretCipher cipher;

    private long upload(Tenant tenant, Map<String, Object> body) {
        Response created = api.post(CERTIFICATES, tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    private long adminUserId(Tenant tenant) {
        return data.jdbc().sql("SELECT id FROM users WHERE company_id = :c ORDER BY id LIMIT 1")
                .param("c", tenant.id()).query(Long.class).single();
    }

    private Map<String, Object> stored(long id) {
        return data.jdbc().sql("SELECT content_encrypted, passphrase_encrypted FROM certificates WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    private List<Long> ids(Response response) {
        return response.at("/data").valueStream().map(c -> c.get("id").asLong()).toList();
    }

    /** The base64 body of the private key: what must never leave the server in clear. */
    private static String keyMaterial(Generated generated) {
        return Base64.getEncoder().encodeToString(generated.key().getEncoded()).substring(0, 48);
    }

    @Test
    void shouldUploadAPemCertificateAndShowWhatItIsButNeverItsContent() throws Exception {
        Tenant tenant = data.company();

        Response created = api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", CLIENT.pem()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode certificate = created.at("/data");
        assertThat(certificate.get("name").asString()).as("defaults to the subject CN").isEqualTo("client.example.test");
        assertThat(certificate.get("format").asString()).isEqualTo("pem");
        assertThat(certificate.get("subject").asString()).isEqualTo("CN=client.example.test,O=Patchbay Tests");
        assertThat(certificate.get("issuer").asString()).isEqualTo("CN=client.example.test,O=Patchbay Tests");
        assertThat(certificate.get("fingerprint_sha256").asString()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CLIENT.certificate().getEncoded())));
        assertThat(certificate.get("expires_at").asString()).isEqualTo("2031-06-30T12:00:00.000000Z");
        assertThat(certificate.get("user_id").isNull()).as("uploaded with an API key").isTrue();
        assertThat(certificate.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(certificate.propertyNames()).doesNotContain("certificate", "content", "content_encrypted", "passphrase",
                "passphrase_encrypted");
        assertThat(created.body()).doesNotContain("PRIVATE KEY").doesNotContain(keyMaterial(CLIENT));

        long id = certificate.get("id").asLong();
        Map<String, Object> row = stored(id);
        assertThat((String) row.get("content_encrypted")).startsWith("v2:").doesNotContain("PRIVATE KEY");
        assertThat(cipher.decrypt((String) row.get("content_encrypted"), content(tenant, id))).isEqualTo(CLIENT.pem().strip());
        assertThat(row.get("passphrase_encrypted")).isNull();
    }

    @Test
    void shouldUploadAPassphraseProtectedPkcs12AsTheCallingUserAndShowThatUser() throws Exception {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));

        Response created = api.post(CERTIFICATES, admin,
                Map.of("certificate", CLIENT.pkcs12Base64("p12-secret"), "passphrase", "p12-secret", "name", "  Bank mTLS  "));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.at("/data/id").asLong();
        assertThat(created.at("/data/name").asString()).isEqualTo("Bank mTLS");
        assertThat(created.at("/data/format").asString()).isEqualTo("pkcs12");
        assertThat(created.at("/data/user_id").asLong()).isEqualTo(adminUserId(tenant));
        assertThat(created.body()).doesNotContain("p12-secret");
        Response withUser = api.get(CERTIFICATES + "/" + id + "?include=user", tenant.apiKey());
        assertThat(withUser.at("/data/user/email").asString()).isEqualTo(tenant.adminEmail());
        assertThat(withUser.at("/data/user").has("password_hash")).isFalse();

        Map<String, Object> row = stored(id);
        assertThat((String) row.get("passphrase_encrypted")).startsWith("v2:").doesNotContain("p12-secret");
        assertThat(cipher.decrypt((String) row.get("passphrase_encrypted"),
                EncryptedColumns.CERTIFICATE_PASSPHRASE.binding(tenant.id(), id))).isEqualTo("p12-secret");
        String content = cipher.decrypt((String) row.get("content_encrypted"), content(tenant, id));
        assertThat(CertificateParser.parse(content, "p12-secret").fingerprintSha256())
                .as("the stored file opens with the stored passphrase")
                .isEqualTo(created.at("/data/fingerprint_sha256").asString());
    }

    @Test
    void shouldUploadAPkcs12WithoutPassphraseAndAnEncryptedPemWithOne() {
        Tenant tenant = data.company();

        Response plain = api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", OTHER.pkcs12Base64("")));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.at("/data/subject").asString()).isEqualTo("CN=other.example.test,O=Patchbay Tests");

        Response encrypted = api.post(CERTIFICATES, tenant.apiKey(),
                Map.of("certificate", CLIENT.pemWithEncryptedKey("pem-secret"), "passphrase", "pem-secret"));
        assertThat(encrypted.status()).as(encrypted.toString()).isEqualTo(201);
        assertThat(encrypted.at("/data/format").asString()).isEqualTo("pem");
    }

    @Test
    void shouldRefuseAWrongOrMissingPassphraseOnThePassphraseField() {
        Tenant tenant = data.company();

        Response wrongP12 = api.post(CERTIFICATES, tenant.apiKey(),
                Map.of("certificate", CLIENT.pkcs12Base64("right"), "passphrase", "wrong-guess"));
        assertThat(wrongP12.status()).isEqualTo(422);
        assertThat(wrongP12.at("/errors/passphrase/0").asString()).isEqualTo("The passphrase is incorrect for this certificate.");
        assertThat(wrongP12.body()).doesNotContain("wrong-guess");

        Response missing = api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", CLIENT.pemWithEncryptedKey("right")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/errors/passphrase/0").asString())
                .isEqualTo("The passphrase field is required to open this certificate.");

        Response wrongPem = api.post(CERTIFICATES, tenant.apiKey(),
                Map.of("certificate", CLIENT.pemWithOpenSslEncryptedKey("right"), "passphrase", "wrong"));
        assertThat(wrongPem.at("/errors/passphrase/0").asString()).isEqualTo("The passphrase is incorrect for this certificate.");
        assertThat(api.get(CERTIFICATES, tenant.apiKey()).at("/meta/total").asLong()).as("nothing stored").isZero();
    }

    @Test
    void shouldRefuseInvalidFilesOnTheCertificateField() {
        Tenant tenant = data.company();
        Map<String, String> cases = Map.of(
                "not a certificate at all", CertificateParser.NOT_A_CERTIFICATE,
                Base64.getEncoder().encodeToString("random bytes, not PKCS#12".getBytes()), CertificateParser.NOT_A_CERTIFICATE,
                CLIENT.certificatePem(), CertificateParser.NO_PRIVATE_KEY,
                CLIENT.certificatePem() + OTHER.pem().substring(OTHER.certificatePem().length()), CertificateParser.KEY_MISMATCH);

        cases.forEach((file, message) -> {
            Response refused = api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", file));
            assertThat(refused.status()).as(message).isEqualTo(422);
            assertThat(refused.at("/errors/certificate/0").asString()).isEqualTo(message);
            assertThat(refused.body()).doesNotContain("BEGIN");
        });
    }

    @Test
    void shouldReportEveryInvalidFieldAtOnce() {
        Tenant tenant = data.company();
        Tenant other = data.company();
        long foreignConnector = data.shopifyConnector(other, "Not yours");

        Response missing = api.post(CERTIFICATES, tenant.apiKey(), Map.of("passphrase", "x".repeat(1001), "name",
                "n".repeat(256), "connector_id", foreignConnector));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/errors").propertyNames()).containsExactlyInAnyOrder("certificate", "passphrase", "name",
                "connector_id");
        assertThat(missing.at("/errors/certificate/0").asString()).isEqualTo("The certificate field is required.");
        assertThat(missing.at("/errors/passphrase/0").asString()).isEqualTo("The passphrase must not be greater than 1000 characters.");
        assertThat(missing.at("/errors/name/0").asString()).isEqualTo("The name must not be greater than 255 characters.");
        assertThat(missing.at("/errors/connector_id/0").asString()).isEqualTo("The selected connector id is invalid.");
        assertThat(missing.at("/message").asString()).isEqualTo("The certificate field is required. (and 3 more errors)");

        Response badFileAndConnector = api.post(CERTIFICATES, tenant.apiKey(),
                Map.of("certificate", "garbage", "connector_id", 987654321));
        assertThat(badFileAndConnector.at("/errors").propertyNames()).containsExactlyInAnyOrder("certificate", "connector_id");
    }

    @Test
    void shouldAttachTheNewCertificateToTheGivenConnector() {
        Tenant tenant = data.company();
        long connector = data.shopifyConnector(tenant, "Bank");

        long id = upload(tenant, Map.of("certificate", CLIENT.pem(), "connector_id", connector));

        Response shown = api.get("/api/v1/connectors/" + connector + "?include=certificate.user", tenant.apiKey());
        assertThat(shown.at("/data/certificate_id").asLong()).isEqualTo(id);
        assertThat(shown.at("/data/certificate/name").asString()).isEqualTo("client.example.test");
        assertThat(shown.at("/data/certificate/fingerprint_sha256").asString()).hasSize(64);
        assertThat(shown.at("/data/certificate/user").isNull()).isTrue();
    }

    @Test
    void shouldRenameButRefuseToReplaceTheContent() {
        Tenant tenant = data.company();
        long id = upload(tenant, Map.of("certificate", CLIENT.pem()));

        Response renamed = api.put(CERTIFICATES + "/" + id, tenant.apiKey(), Map.of("name", "Renamed"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.at("/data/name").asString()).isEqualTo("Renamed");
        assertThat(renamed.at("/data/subject").asString()).isEqualTo("CN=client.example.test,O=Patchbay Tests");

        Response refused = api.put(CERTIFICATES + "/" + id, tenant.apiKey(),
                Map.of("name", " ", "certificate", OTHER.pem(), "passphrase", "x"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "certificate", "passphrase");
        assertThat(refused.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
        assertThat(api.get(CERTIFICATES + "/" + id, tenant.apiKey()).at("/data/name").asString()).isEqualTo("Renamed");
    }

    @Test
    void shouldDeleteAnUnusedCertificateAndRefuseOneThatConnectorsUse() {
        Tenant tenant = data.company();
        long unused = upload(tenant, Map.of("certificate", CLIENT.pem()));
        long used = upload(tenant, Map.of("certificate", OTHER.pem()));
        long connector = data.shopifyConnector(tenant, "Bank", Map.of("certificate_id", used));

        Response deleted = api.delete(CERTIFICATES + "/" + unused, tenant.apiKey());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/message").asString()).isEqualTo("Certificate deleted.");
        assertThat(api.get(CERTIFICATES + "/" + unused, tenant.apiKey()).status()).isEqualTo(404);

        Response refused = api.delete(CERTIFICATES + "/" + used, tenant.apiKey());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/message").asString()).contains("used by 1 connector").contains("Bank (#" + connector + ")");
        assertThat(refused.at("/errors/connectors/0").asString()).isEqualTo("Bank (#" + connector + ")");
        assertThat(api.get(CERTIFICATES + "/" + used, tenant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer404ForAnotherCompanysCertificateAndRefuseItOnConnectors() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long id = upload(owner, Map.of("certificate", CLIENT.pem()));

        assertThat(api.get(CERTIFICATES + "/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(CERTIFICATES + "/" + id, other.apiKey()).at("/message").asString())
                .isEqualTo("No query results for certificate " + id + ".");
        assertThat(api.put(CERTIFICATES + "/" + id, other.apiKey(), Map.of("name", "Stolen")).status()).isEqualTo(404);
        assertThat(api.delete(CERTIFICATES + "/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(CERTIFICATES, other.apiKey()).at("/meta/total").asLong()).isZero();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(other, "Sneaky"));
        body.put("certificate_id", id);
        Response refused = api.post("/api/v1/connectors", other.apiKey(), body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/certificate_id/0").asString()).isEqualTo("The selected certificate id is invalid.");
        assertThat(api.get(CERTIFICATES + "/" + id, owner.apiKey()).at("/data/name").asString()).isEqualTo("client.example.test");
    }

    @Test
    void shouldListWithUserIncludeNameFilterAndSorts() {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        long bank = upload(tenant, Map.of("certificate", CLIENT.pem(), "name", "Bank"));
        Response byUser = api.post(CERTIFICATES, admin, Map.of("certificate", OTHER.pem(), "name", "Archive"));
        long archive = byUser.at("/data/id").asLong();

        Response list = api.get(CERTIFICATES + "?include=user", tenant.apiKey());
        assertThat(ids(list)).containsExactly(bank, archive);
        assertThat(list.at("/data/0/user").isNull()).isTrue();
        assertThat(list.at("/data/1/user/id").asLong()).isEqualTo(adminUserId(tenant));
        assertThat(ids(api.get(CERTIFICATES + "?filter%5Bname%5D=BAN", tenant.apiKey()))).containsExactly(bank);
        assertThat(ids(api.get(CERTIFICATES + "?sort=name", tenant.apiKey()))).containsExactly(archive, bank);
        assertThat(ids(api.get(CERTIFICATES + "?sort=-created_at", tenant.apiKey()))).containsExactly(archive, bank);
        assertThat(ids(api.get(CERTIFICATES + "?sort=expires_at", tenant.apiKey()))).hasSize(2);
        Response unknown = api.get(CERTIFICATES + "?include=content", tenant.apiKey());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.at("/message").asString()).contains("`content`").contains("user");
        assertThat(api.get(CERTIFICATES + "?sort=subject", tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(CERTIFICATES + "?filter%5Bsubject%5D=x", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void shouldNeverReturnOrLogThePassphraseOrKeyMaterial(CapturedOutput output) {
        Tenant tenant = data.company();
        String passphrase = "never-show-this-passphrase-7731";
        String pkcs12 = CLIENT.pkcs12Base64(passphrase);
        List<Response> responses = new ArrayList<>();
        Response created = api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", pkcs12, "passphrase", passphrase));
        responses.add(created);
        long id = created.at("/data/id").asLong();
        responses.add(api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", CLIENT.pem(), "passphrase", passphrase)));
        responses.add(api.get(CERTIFICATES + "/" + id + "?include=user", tenant.apiKey()));
        responses.add(api.get(CERTIFICATES, tenant.apiKey()));
        responses.add(api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", pkcs12, "passphrase", passphrase + "-wrong")));
        responses.add(api.post(CERTIFICATES, tenant.apiKey(), Map.of("certificate", CLIENT.pem(), "passphrase", 12)));
        responses.add(api.post(CERTIFICATES, tenant.apiKey(), "{\"certificate\": \"" + pkcs12 + "\", \"passphrase\": \""
                + passphrase + "\", broken"));
        responses.add(api.put(CERTIFICATES + "/" + id, tenant.apiKey(), Map.of("name", "n", "passphrase", passphrase)));

        assertThat(created.status()).isEqualTo(201);
        for (Response response : responses) {
            assertThat(response.body()).as(response.toString()).doesNotContain(passphrase).doesNotContain(keyMaterial(CLIENT))
                    .doesNotContain(pkcs12.substring(100, 160)).doesNotContain("PRIVATE KEY");
        }
        assertThat(output.getAll()).doesNotContain(passphrase).doesNotContain(keyMaterial(CLIENT))
                .doesNotContain(pkcs12.substring(100, 160)).doesNotContain("PRIVATE KEY");
    }

    @Test
    void shouldLetStandardUsersAndReadOnlyKeysReadButNotWrite() {
        Tenant tenant = data.company();
        long id = upload(tenant, Map.of("certificate", CLIENT.pem()));
        String standard = data.userWithRole(tenant, "standard");
        String manager = data.userWithRole(tenant, "manager");
        String readOnlyKey = data.readOnlyApiKey(tenant);

        for (String reader : List.of(standard, readOnlyKey)) {
            assertThat(api.get(CERTIFICATES, reader).status()).isEqualTo(200);
            assertThat(api.get(CERTIFICATES + "/" + id, reader).status()).isEqualTo(200);
            assertThat(api.post(CERTIFICATES, reader, Map.of("certificate", OTHER.pem())).status()).isEqualTo(403);
            assertThat(api.put(CERTIFICATES + "/" + id, reader, Map.of("name", "No")).status()).isEqualTo(403);
            assertThat(api.delete(CERTIFICATES + "/" + id, reader).status()).isEqualTo(403);
        }
        Response byManager = api.post(CERTIFICATES, manager, Map.of("certificate", OTHER.pem()));
        assertThat(byManager.status()).isEqualTo(201);
        assertThat(byManager.at("/data/user_id").isNull()).as("a user uploaded it").isFalse();
    }

    private static RowBinding content(Tenant tenant, long id) {
        return EncryptedColumns.CERTIFICATE_CONTENT.binding(tenant.id(), id);
    }
}
