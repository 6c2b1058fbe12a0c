package dev.patchbay.outbound.limit;

import java.time.Instant;

/**
 * The live state of one instance's rate limit, for the usage route.
 *
 * @param startedInWindow starts in the window ending now
 * @param remaining starts still allowed in that window (0 when waiters are queued)
 * @param queued requests waiting to start
 * @param nextStartAt when a request asking now would start (now when it would start at once)
 * @param pausedUntil the end of an upstream pause, or {@code null}
 */
public record RateLimitUsage(int startedInWindow, int remaining, int queued, Instant nextStartAt, Instant pausedUntil) {
}
