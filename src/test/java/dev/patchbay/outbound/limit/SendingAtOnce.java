package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * A limiter whose every request is sent the moment it is granted, as if connecting took no time: the
 * tests of the sliding log itself use it, and the tests of a send that comes later use the limiter
 * underneath.
 */
final class SendingAtOnce implements RateLimiter {

    private final RateLimiter limiter;

    SendingAtOnce(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public StartTicket request(String key, RateLimit limit, Duration maxWait) {
        StartTicket ticket = limiter.request(key, limit, maxWait);
        ticket.whenGranted().thenRun(ticket::sent);
        return ticket;
    }

    @Override
    public void pauseUntil(String key, Instant until) {
        limiter.pauseUntil(key, until);
    }

    @Override
    public RateLimitUsage usage(String key, RateLimit limit) {
        return limiter.usage(key, limit);
    }
}
