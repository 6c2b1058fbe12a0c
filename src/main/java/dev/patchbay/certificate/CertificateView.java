package dev.patchbay.certificate;

/**
 * A client certificate as the API shows it: what it is and when it expires, never its content or
 * passphrase. {@code userId} is who uploaded it (null when an API key did).
 */
public record CertificateView(
        long id, String name, String format, String subject, String issuer, String fingerprintSha256, String expiresAt,
        Long userId, String createdAt, String updatedAt) {}
