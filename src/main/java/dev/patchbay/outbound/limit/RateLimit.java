package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.util.Locale;

/**
 * An instance's rate limit: at most {@code starts} requests start in any window of length
 * {@code window}. Passed with every call, so a changed limit applies to the next request.
 */
public record RateLimit(int starts, Duration window) {

    public RateLimit {
        if (starts < 1) {
            throw new IllegalArgumentException("A rate limit allows at least one start per window");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit's window must be positive");
        }
    }

    /** From an instance's {@code rate_limit_duration} and {@code rate_limit_unit} (second|minute|hour|day). */
    public static RateLimit of(int duration, String unit) {
        Duration window = switch (unit.toLowerCase(Locale.ROOT)) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("Unknown rate limit unit: " + unit);
        };
        return new RateLimit(duration, window);
    }
}
