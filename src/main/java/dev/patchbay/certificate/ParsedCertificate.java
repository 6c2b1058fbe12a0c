package dev.patchbay.certificate;

import java.time.Instant;

/**
 * What an uploaded client certificate turned out to be: its format, the facts shown to users, and
 * the content to store (encrypted). Never serialized: {@code content} holds the private key.
 */
record ParsedCertificate(
        String format, String subject, String commonName, String issuer, String fingerprintSha256, Instant expiresAt,
        String content) {

    static final String PEM = "pem";
    static final String PKCS12 = "pkcs12";

    @Override
    public String toString() {
        return "ParsedCertificate[" + format + ", " + subject + "]"; // never the content
    }
}
