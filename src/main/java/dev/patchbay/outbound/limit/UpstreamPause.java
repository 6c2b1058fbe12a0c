package dev.patchbay.outbound.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns a system's "slow down" into a pause of the whole instance: a 429 or 503 with
 * {@code Retry-After} holds back every start of that instance, queued or new, until then (the
 * pause itself lives in the {@link RateLimiter}, so that a Redis limiter shares it across nodes).
 *
 * <p>A pause is capped ({@code maxPause}, default one hour): a broken or hostile header such as
 * {@code Retry-After: 31536000} must not freeze an instance for a year; past the cap the next
 * request asks the system again.
 */
public final class UpstreamPause {

    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofHours(1);

    private final RateLimiter limiter;
    private final Clock clock;
    private final Duration maxPause;

    public UpstreamPause(RateLimiter limiter, Clock clock) {
        this(limiter, clock, DEFAULT_MAX_PAUSE);
    }

    public UpstreamPause(RateLimiter limiter, Clock clock, Duration maxPause) {
        this.limiter = limiter;
        this.clock = clock;
        this.maxPause = maxPause;
    }

    /**
     * Pauses {@code key} when the response asks for it.
     *
     * @param retryAfter the response's {@code Retry-After} header, or {@code null}
     * @return the end of the pause, when one was set
     */
    public Optional<Instant> onResponse(String key, int status, String retryAfter) {
        if (status != 429 && status != 503) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Instant> until = retryAfter(retryAfter, now)
                .filter(at -> at.isAfter(now))
                .map(at -> at.isAfter(now.plus(maxPause)) ? now.plus(maxPause) : at);
        until.ifPresent(at -> limiter.pauseUntil(key, at));
        return until;
    }

    /**
     * Reads {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Anything else is
     * ignored rather than guessed at.
     */
    public static Optional<Instant> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(now.plusSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException tooLarge) {
                return Optional.of(Instant.MAX);
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
