package dev.patchbay.auth;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: at most {@value #FAILURES} failed logins per e-mail address in any
 * {@value #WINDOW_MINUTES} minutes (Bucket4j token buckets, one per address). Only failures count, so
 * a user who types the right password is never locked out by the limit alone. The buckets live in
 * this process (a bounded LRU map); with several nodes each node counts its own.
 */
@Component
class LoginThrottle {

    static final int FAILURES = 10;
    static final int WINDOW_MINUTES = 15;
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** How long to wait before trying again, when this address has used up its failures. */
    synchronized Optional<Duration> blocked(String email) {
        Bucket bucket = buckets.get(key(email));
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    synchronized void failed(String email) {
        buckets.computeIfAbsent(key(email), k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(FAILURES).refillIntervally(FAILURES, Duration.ofMinutes(WINDOW_MINUTES)))
                .build())
                .tryConsume(1);
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
