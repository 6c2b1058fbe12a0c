package dev.patchbay.support;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.PKCS8Generator;

/**
 * Real client certificates made in the test: a fresh key pair and a self-signed certificate, written
 * as PEM (key plain, PKCS#8-encrypted or OpenSSL-encrypted) or as a base64 PKCS#12 file.
 */
public final class TestCertificates {

    /** The fixed expiry of every test certificate, so tests can assert it exactly. */
    public static final Instant NOT_AFTER = Instant.parse("2031-06-30T12:00:00Z");

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** A generated certificate with its key; {@code subject} is what the API should show. */
    public record Generated(X509Certificate certificate, PrivateKey key, String subject) {

        public String certificatePem() {
            return toPem(certificate);
        }

        /** Certificate and unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}). */
        public String pem() {
            try {
                return certificatePem() + toPem(new JcaPKCS8Generator(key, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Certificate and a PKCS#8 key encrypted with AES-256-CBC under the passphrase. */
        public String pemWithEncryptedKey(String passphrase) {
            try {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                        .setPassword(passphrase.toCharArray()).build();
                return certificatePem() + toPem(new JcaPKCS8Generator(key, encryptor));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Certificate and a traditional OpenSSL-encrypted key ({@code Proc-Type: 4,ENCRYPTED}). Use an RSA
         * key: the writer drops a JDK EC key's curve from this older format.
         */
        public String pemWithOpenSslEncryptedKey(String passphrase) {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(key, new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(passphrase.toCharArray()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return certificatePem() + out;
        }

        /** Base64 of a PKCS#12 file holding key and certificate; an empty passphrase for none. */
        public String pkcs12Base64(String passphrase) {
            try {
                char[] secret = passphrase.toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("client", key, secret, new Certificate[] {certificate});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, secret);
                return Base64.getEncoder().encodeToString(out.toByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {}

    /** A self-signed RSA certificate for {@code CN=<commonName>,O=Patchbay Tests}. */
    public static Generated generate(String commonName) {
        return generate(commonName, "RSA");
    }

    /** @param algorithm "RSA" (2048 bits) or "EC" (P-256) */
    public static Generated generate(String commonName, String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("O=Patchbay Tests,CN=" + commonName); // ASN.1 order; RFC 2253 shows it reversed
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                    Date.from(Instant.parse("2024-01-01T00:00:00Z")), Date.from(NOT_AFTER), name, pair.getPublic());
            var signer = new JcaContentSignerBuilder(algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA")
                    .setProvider(BC).build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Generated(certificate, pair.getPrivate(), "CN=" + commonName + ",O=Patchbay Tests");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toPem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
