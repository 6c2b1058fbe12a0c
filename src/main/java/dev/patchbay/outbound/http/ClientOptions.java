package dev.patchbay.outbound.http;

import java.time.Duration;

/**
 * What one call asks of its client. A null timeout means the configured default
 * ({@code patchbay.outbound.connect-timeout} / {@code read-timeout}); a null certificate, none.
 *
 * @param readTimeout the longest wait for the system's answer, and for each part of it after that
 */
public record ClientOptions(Duration connectTimeout, Duration readTimeout, ClientCertificate certificate) {

    public ClientOptions {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
    }

    public static ClientOptions defaults() {
        return new ClientOptions(null, null, null);
    }

    /** The system's own timeouts (either may be null for the default). */
    public ClientOptions withTimeouts(Duration connect, Duration read) {
        return new ClientOptions(connect, read, certificate);
    }

    public ClientOptions withCertificate(ClientCertificate clientCertificate) {
        return new ClientOptions(connectTimeout, readTimeout, clientCertificate);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
