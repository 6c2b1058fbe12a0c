package dev.patchbay.outbound.auth;

import java.time.Instant;

/** A token obtained from a system; {@code expiresAt} is null when the system did not say. */
public record Token(String accessToken, String refreshToken, Instant expiresAt) {

    /** Reused until shortly before it expires, so that it cannot lapse on the way to the system. */
    public boolean usableAt(Instant now) {
        return expiresAt == null || now.plusSeconds(30).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Token[expiresAt=" + expiresAt + "]";
    }
}
