package dev.patchbay.outbound.http;

import dev.patchbay.certificate.CertificateKeys;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Objects;

/**
 * A client certificate to present for mutual TLS, decrypted: its key store (private key and chain)
 * and the password of the key in it. {@code id} and {@code version} (the certificate's
 * {@code updated_at}) name it, so a client built for it is reused until the certificate changes.
 * Never logged or serialized.
 */
public record ClientCertificate(long id, Instant version, KeyStore keyStore, char[] password) {

    public ClientCertificate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(keyStore, "keyStore");
        password = password == null ? new char[0] : password.clone();
    }

    /** A stored certificate, as {@code Certificates.keys(company, id)} opens it. */
    public static ClientCertificate of(CertificateKeys keys) {
        return new ClientCertificate(keys.id(), keys.updatedAt(), keys.keyStore(), keys.password());
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "ClientCertificate[id=" + id + ", version=" + version + "]"; // never the key or password
    }
}
