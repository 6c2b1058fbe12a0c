package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: when may a request of an instance start? At most {@link RateLimit#starts()} starts in any
 * sliding window of {@link RateLimit#window()} per key (the instance id); while budget remains a
 * request is granted at once, otherwise it waits in FIFO order and is granted as soon as the window
 * allows. A grant holds one of the window's starts until the request is sent, and the start counts
 * from the send ({@link StartTicket#sent()}), so the time between grant and write (connecting) can
 * never bunch starts at the system's side.
 */
public interface RateLimiter {

    /**
     * Asks to start a request of {@code key}. Either it is granted at once, or it joins the key's
     * queue (the ticket completes when it is granted), or it is refused at once, without being counted
     * or queued, because the computed start lies beyond {@code maxWait} or the queue is full. The
     * holder of a granted ticket must either {@link StartTicket#sent() send} or
     * {@link StartTicket#cancel() cancel}: until then it holds a start.
     *
     * @throws RateLimitedException when refused at once
     */
    StartTicket request(String key, RateLimit limit, Duration maxWait);

    /**
     * Blocking form of {@link #request} for a caller that sends at once: waits for the grant, counts
     * the start as sent and returns the moment of the grant. An interrupted caller leaves the queue
     * and the request never starts.
     *
     * @throws RateLimitedException when refused, at once or when {@code maxWait} runs out
     */
    default Instant acquire(String key, RateLimit limit, Duration maxWait) throws InterruptedException {
        StartTicket ticket = request(key, limit, maxWait);
        Instant granted = ticket.await();
        ticket.sent();
        return granted;
    }

    /**
     * Holds back every start of {@code key} until {@code until} (an upstream 429/503 asked for it).
     * A later pause extends an earlier one; an earlier one never shortens it.
     */
    void pauseUntil(String key, Instant until);

    /** The live state of {@code key} under {@code limit}, for the usage route. */
    RateLimitUsage usage(String key, RateLimit limit);
}
