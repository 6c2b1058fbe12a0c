package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: when may a request of an instance start? At most {@link RateLimit#starts()} starts in any
 * sliding window of {@link RateLimit#window()} per key (the instance id); while budget remains a
 * request starts at once, otherwise it waits in FIFO order and starts as soon as the window allows.
 * A start is counted when granted, so the caller sends right after.
 */
public interface RateLimiter {

    /**
     * Asks to start a request of {@code key}. Either it starts at once, or it joins the key's queue
     * (the ticket completes when it starts), or it is refused at once, without being counted or
     * queued, because the computed start lies beyond {@code maxWait} or the queue is full.
     *
     * @throws RateLimitedException when refused at once
     */
    StartTicket request(String key, RateLimit limit, Duration maxWait);

    /**
     * Blocking form of {@link #request}: returns, once the request may start, the moment its start
     * was counted. An interrupted caller leaves the queue and the request never starts.
     *
     * @throws RateLimitedException when refused, at once or when {@code maxWait} runs out
     */
    default Instant acquire(String key, RateLimit limit, Duration maxWait) throws InterruptedException {
        return request(key, limit, maxWait).await();
    }

    /**
     * Holds back every start of {@code key} until {@code until} (an upstream 429/503 asked for it).
     * A later pause extends an earlier one; an earlier one never shortens it.
     */
    void pauseUntil(String key, Instant until);

    /** The live state of {@code key} under {@code limit}, for the usage route. */
    RateLimitUsage usage(String key, RateLimit limit);
}
