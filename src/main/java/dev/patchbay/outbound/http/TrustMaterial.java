package dev.patchbay.outbound.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CAs outbound TLS trusts: the JDK's own, plus those of {@code patchbay.outbound.trusted-certificates}
 * for self-hosted systems with a private CA. Added to, never replacing, the JDK's list.
 */
final class TrustMaterial {

    static final String SETTING = "patchbay.outbound.trusted-certificates";

    private TrustMaterial() {}

    /** A trust store of the JDK's CAs and the file's, or null (the JDK's alone) when no file is set. */
    static KeyStore load(Path pemFile) {
        if (pemFile == null) {
            return null;
        }
        Collection<? extends Certificate> extra;
        try (InputStream in = Files.newInputStream(pemFile)) {
            extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalStateException(SETTING + ": cannot read " + pemFile + " (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(SETTING + ": " + pemFile + " is not a PEM file of certificates");
        }
        if (extra.isEmpty()) {
            throw new IllegalStateException(SETTING + ": " + pemFile + " contains no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkDefaults()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
            for (Certificate ca : extra) {
                store.setCertificateEntry("configured-" + n++, ca);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(SETTING + ": cannot build the trust store", e);
        }
    }

    private static X509Certificate[] jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
