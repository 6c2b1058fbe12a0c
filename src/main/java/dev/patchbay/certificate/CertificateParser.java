package dev.patchbay.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads an uploaded client certificate: PEM text holding the certificate (and its chain) with its
 * private key, possibly encrypted, or base64 of a PKCS#12 file. It checks that the key opens with
 * the passphrase and belongs to the certificate, and reads subject, issuer, expiry and fingerprint.
 *
 * <p>Every failure is a {@link Problem} naming the request field to blame ({@code certificate} or
 * {@code passphrase}) with a fixed sentence: library messages are never passed on, since they may
 * quote the input.
 */
final class CertificateParser {

    /** Why an upload was refused, and which field to report it on. */
    static final class Problem extends Exception {

        private final String field;

        private Problem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static final String NOT_A_CERTIFICATE = "The certificate must be PEM text with a certificate and its private key, "
            + "or a base64-encoded PKCS#12 (.p12/.pfx) file.";
    static final String NO_PRIVATE_KEY = "The certificate must contain its private key.";
    static final String NO_CERTIFICATE = "The certificate file contains no certificate.";
    static final String KEY_MISMATCH = "The private key does not belong to the certificate.";
    static final String PASSPHRASE_REQUIRED = "The passphrase field is required to open this certificate.";
    static final String PASSPHRASE_WRONG = "The passphrase is incorrect for this certificate.";

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private CertificateParser() {}

    static ParsedCertificate parse(String input, String passphrase) throws Problem {
        String text = input.strip();
        try {
            return text.contains("-----BEGIN") ? pem(text, passphrase) : pkcs12(text, passphrase);
        } catch (Problem problem) {
            throw problem;
        } catch (Exception | StackOverflowError unreadable) {
            throw new Problem("certificate", NOT_A_CERTIFICATE);
        }
    }

    /** The certificates of a PEM text and its private key (with the leaf certificate, the key's, first). */
    private record PemContent(List<X509Certificate> chain, PrivateKey key) {}

    private static ParsedCertificate pem(String text, String passphrase) throws Exception {
        PemContent content = readPem(text, passphrase);
        return describe(ParsedCertificate.PEM, content.chain().get(0), text);
    }

    private static PemContent readPem(String text, String passphrase) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKeyInfo key = null;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PrivateKeyInfo info) {
                    key = info;
                } else if (item instanceof PEMKeyPair pair) {
                    key = pair.getPrivateKeyInfo();
                } else if (item instanceof PEMEncryptedKeyPair encrypted) {
                    char[] secret = required(passphrase);
                    key = decrypting(() -> encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC)
                            .build(secret)).getPrivateKeyInfo());
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    char[] secret = required(passphrase);
                    key = decrypting(() -> encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .setProvider(BC).build(secret)));
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new Problem("certificate", key == null ? NOT_A_CERTIFICATE : NO_CERTIFICATE);
        }
        if (key == null) {
            throw new Problem("certificate", NO_PRIVATE_KEY);
        }
        PrivateKey privateKey = new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(key);
        X509Certificate leaf = certificates.stream().filter(c -> belongsTo(privateKey, c)).findFirst()
                .orElseThrow(() -> new Problem("certificate", KEY_MISMATCH));
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        certificates.stream().filter(c -> c != leaf).forEach(chain::add);
        return new PemContent(chain, privateKey);
    }

    /** A key store and the password of its key, ready for TLS. */
    record KeyMaterial(KeyStore keyStore, char[] password) {}

    /**
     * The key store of stored (decrypted) certificate content: a PKCS#12 file as it was uploaded, or
     * PEM text put into an in-memory PKCS#12 store under a random password.
     */
    static KeyMaterial keyMaterial(String format, String content, String passphrase) throws Problem {
        try {
            if (ParsedCertificate.PKCS12.equals(format)) {
                char[] secret = passphrase == null ? new char[0] : passphrase.toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(new ByteArrayInputStream(Base64.getMimeDecoder().decode(content)), secret);
                return new KeyMaterial(store, secret);
            }
            PemContent pem = readPem(content, passphrase);
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", pem.key(), password, pem.chain().toArray(new Certificate[0]));
            return new KeyMaterial(store, password);
        } catch (Problem problem) {
            throw problem;
        } catch (Exception | StackOverflowError unreadable) {
            throw new Problem("certificate", NOT_A_CERTIFICATE);
        }
    }

    private static ParsedCertificate pkcs12(String text, String passphrase) throws Exception {
        byte[] bytes = Base64.getMimeDecoder().decode(text);
        char[] secret = passphrase == null ? new char[0] : passphrase.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(bytes), secret);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw passphraseProblem(passphrase);
            }
            throw new Problem("certificate", NOT_A_CERTIFICATE);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            PrivateKey key;
            try {
                key = (PrivateKey) store.getKey(alias, secret);
            } catch (UnrecoverableKeyException e) {
                throw passphraseProblem(passphrase);
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                throw new Problem("certificate", NO_CERTIFICATE);
            }
            if (!belongsTo(key, leaf)) {
                throw new Problem("certificate", KEY_MISMATCH);
            }
            return describe(ParsedCertificate.PKCS12, leaf, Base64.getEncoder().encodeToString(bytes));
        }
        throw new Problem("certificate", NO_PRIVATE_KEY);
    }

    private interface Decryption {
        PrivateKeyInfo run() throws Exception;
    }

    private static PrivateKeyInfo decrypting(Decryption decryption) throws Problem {
        try {
            return decryption.run();
        } catch (Exception wrongPassphrase) {
            throw new Problem("passphrase", PASSPHRASE_WRONG);
        }
    }

    private static char[] required(String passphrase) throws Problem {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new Problem("passphrase", PASSPHRASE_REQUIRED);
        }
        return passphrase.toCharArray();
    }

    private static Problem passphraseProblem(String passphrase) {
        return new Problem("passphrase", passphrase == null || passphrase.isEmpty() ? PASSPHRASE_REQUIRED : PASSPHRASE_WRONG);
    }

    /** Signs a probe with the key and verifies it with the certificate: works for RSA, EC, EdDSA and DSA alike. */
    private static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
        Optional<String> algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC", "ECDSA" -> Optional.of("SHA256withECDSA");
            case "Ed25519", "Ed448", "EdDSA" -> Optional.of(key.getAlgorithm().equals("EdDSA") ? "Ed25519" : key.getAlgorithm());
            case "DSA" -> Optional.of("SHA256withDSA");
            default -> Optional.empty();
        };
        if (algorithm.isEmpty()) {
            return false;
        }
        try {
            byte[] probe = "patchbay key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm.get(), BC);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.get(), BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static ParsedCertificate describe(String format, X509Certificate certificate, String content) throws Exception {
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        String issuer = certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        return new ParsedCertificate(format, subject, commonName(subject), issuer, fingerprint,
                certificate.getNotAfter().toInstant(), content);
    }

    private static String commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // no common name to offer
        }
        return null;
    }
}
