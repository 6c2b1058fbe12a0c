package dev.patchbay.certificate;

/** A client certificate as the API shows it: what it is and when it expires, never its content or passphrase. */
public record CertificateView(
        long id, String name, String format, String subject, String expiresAt, Long userId, String createdAt,
        String updatedAt) {}
