package dev.patchbay.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.support.TestCertificates;
import dev.patchbay.support.TestCertificates.Generated;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateParserTest {

    private static final Generated RSA = TestCertificates.generate("rsa.client.test");
    private static final Generated EC = TestCertificates.generate("ec.client.test", "EC");

    private static String fingerprint(Generated generated) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(generated.certificate().getEncoded()));
    }

    private static void assertProblem(String certificate, String passphrase, String field, String message) {
        assertThatThrownBy(() -> CertificateParser.parse(certificate, passphrase))
                .isInstanceOfSatisfying(CertificateParser.Problem.class, problem -> {
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void shouldReadAPemCertificateWithItsKey() throws Exception {
        ParsedCertificate parsed = CertificateParser.parse(RSA.pem(), null);

        assertThat(parsed.format()).isEqualTo("pem");
        assertThat(parsed.subject()).isEqualTo("CN=rsa.client.test,O=Patchbay Tests");
        assertThat(parsed.commonName()).isEqualTo("rsa.client.test");
        assertThat(parsed.issuer()).isEqualTo(parsed.subject());
        assertThat(parsed.expiresAt()).isEqualTo(TestCertificates.NOT_AFTER);
        assertThat(parsed.fingerprintSha256()).isEqualTo(fingerprint(RSA)).hasSize(64);
        assertThat(parsed.content()).isEqualTo(RSA.pem().strip());
        assertThat(parsed.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void shouldReadAnEcKeyAndAKeyPlacedBeforeTheCertificate() throws Exception {
        String keyFirst = EC.pem().substring(EC.certificatePem().length()) + EC.certificatePem();

        assertThat(CertificateParser.parse(keyFirst, null).commonName()).isEqualTo("ec.client.test");
    }

    @Test
    void shouldOpenEncryptedPemKeysWithThePassphrase() throws Exception {
        assertThat(CertificateParser.parse(RSA.pemWithEncryptedKey("s3cret"), "s3cret").commonName()).isEqualTo("rsa.client.test");
        assertThat(CertificateParser.parse(EC.pemWithEncryptedKey("s3cret"), "s3cret").commonName()).isEqualTo("ec.client.test");
        assertThat(CertificateParser.parse(RSA.pemWithOpenSslEncryptedKey("s3cret"), "s3cret").commonName())
                .isEqualTo("rsa.client.test");
    }

    @Test
    void shouldBlameThePassphraseWhenMissingOrWrongForAnEncryptedPemKey() {
        assertProblem(RSA.pemWithEncryptedKey("s3cret"), null, "passphrase", CertificateParser.PASSPHRASE_REQUIRED);
        assertProblem(RSA.pemWithEncryptedKey("s3cret"), "wrong", "passphrase", CertificateParser.PASSPHRASE_WRONG);
        assertProblem(RSA.pemWithOpenSslEncryptedKey("s3cret"), "", "passphrase", CertificateParser.PASSPHRASE_REQUIRED);
        assertProblem(RSA.pemWithOpenSslEncryptedKey("s3cret"), "wrong", "passphrase", CertificateParser.PASSPHRASE_WRONG);
    }

    @Test
    void shouldReadPkcs12WithAndWithoutPassphrase() throws Exception {
        ParsedCertificate protectedFile = CertificateParser.parse(RSA.pkcs12Base64("p12-pass"), "p12-pass");
        assertThat(protectedFile.format()).isEqualTo("pkcs12");
        assertThat(protectedFile.subject()).isEqualTo("CN=rsa.client.test,O=Patchbay Tests");
        assertThat(protectedFile.fingerprintSha256()).isEqualTo(fingerprint(RSA));
        assertThat(Base64.getDecoder().decode(protectedFile.content())).isNotEmpty();

        assertThat(CertificateParser.parse(EC.pkcs12Base64(""), null).commonName()).isEqualTo("ec.client.test");
        String wrapped = EC.pkcs12Base64("").replaceAll("(.{64})", "$1\n");
        assertThat(CertificateParser.parse(wrapped, null).format()).as("line-wrapped base64").isEqualTo("pkcs12");
    }

    @Test
    void shouldBlameThePassphraseWhenMissingOrWrongForPkcs12() {
        assertProblem(RSA.pkcs12Base64("p12-pass"), null, "passphrase", CertificateParser.PASSPHRASE_REQUIRED);
        assertProblem(RSA.pkcs12Base64("p12-pass"), "wrong", "passphrase", CertificateParser.PASSPHRASE_WRONG);
    }

    @Test
    void shouldBlameTheCertificateForAnythingElse() {
        assertProblem("hello", null, "certificate", CertificateParser.NOT_A_CERTIFICATE);
        assertProblem(Base64.getEncoder().encodeToString("not a p12 file".getBytes()), null, "certificate",
                CertificateParser.NOT_A_CERTIFICATE);
        assertProblem("-----BEGIN CERTIFICATE-----\nAAAA!!!\n-----END CERTIFICATE-----", null, "certificate",
                CertificateParser.NOT_A_CERTIFICATE);
        assertProblem(RSA.certificatePem(), null, "certificate", CertificateParser.NO_PRIVATE_KEY);
        assertProblem(RSA.pem().substring(RSA.certificatePem().length()), null, "certificate", CertificateParser.NO_CERTIFICATE);
        assertProblem(RSA.certificatePem() + EC.pem().substring(EC.certificatePem().length()), null, "certificate",
                CertificateParser.KEY_MISMATCH);
    }
}
