package dev.patchbay.outbound.limit;

import java.time.Instant;

/**
 * A request that will not start: the caller answers 429 with {@code Retry-After} (from
 * {@link #earliestStart()}) and {@code queue_position}. Nothing was counted for it and it holds no
 * place in the queue.
 */
public final class RateLimitedException extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** Its start, computed when it asked, lies beyond the wait it accepts. */
        WAIT_TOO_LONG,
        /** The instance's queue is at its bound. */
        QUEUE_FULL,
        /** It waited its whole bound without starting (the instance was paused or its limit lowered meanwhile). */
        WAIT_EXPIRED
    }

    private final Reason reason;
    private final int queuePosition;
    private final Instant earliestStart;

    public RateLimitedException(Reason reason, int queuePosition, Instant earliestStart) {
        // No stack trace and a message built only when read: an expected answer under load, not a fault.
        super(null, null, false, false);
        this.reason = reason;
        this.queuePosition = queuePosition;
        this.earliestStart = earliestStart;
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based place the request would have had (or had) in the instance's queue. */
    public int queuePosition() {
        return queuePosition;
    }

    /** The earliest moment the request could have started had it waited; the basis for Retry-After. */
    public Instant earliestStart() {
        return earliestStart;
    }

    @Override
    public String getMessage() {
        return "Rate limit reached (" + reason.name().toLowerCase(java.util.Locale.ROOT) + "), queue position "
                + queuePosition + ", earliest start " + earliestStart;
    }
}
