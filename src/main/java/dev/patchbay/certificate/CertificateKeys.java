package dev.patchbay.certificate;

import java.security.KeyStore;
import java.time.Instant;

/**
 * A stored client certificate opened for mutual TLS: its key store (private key and chain) and the
 * password of the key in it. {@code updatedAt} tells a cached TLS client that the certificate changed.
 * Never logged or serialized.
 */
public record CertificateKeys(long id, Instant updatedAt, KeyStore keyStore, char[] password) {

    @Override
    public String toString() {
        return "CertificateKeys[id=" + id + ", updatedAt=" + updatedAt + "]"; // never the key or password
    }
}
