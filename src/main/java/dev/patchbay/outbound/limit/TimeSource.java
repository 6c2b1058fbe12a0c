package dev.patchbay.outbound.limit;

import java.time.Instant;

/**
 * The limiters' view of time: a monotonic nanosecond counter for decisions, the wall clock for
 * reporting (Retry-After, "next start at"), and a way to run something at a later moment. Tests
 * supply a virtual clock that only moves when told to, which makes waiting deterministic.
 */
public interface TimeSource {

    /** Monotonic time in nanoseconds; only differences are meaningful (like {@link System#nanoTime()}). */
    long nanos();

    /** The wall-clock instant corresponding to {@link #nanos()} now. */
    Instant instant();

    /**
     * Runs {@code task} once, no earlier than {@code atNanos} on the {@link #nanos()} scale. Tasks
     * must be short: the limiters use them to hand out starts and to time out waiters.
     */
    Scheduled schedule(long atNanos, Runnable task);

    /** Converts a point on the {@link #nanos()} scale to a wall-clock instant. */
    default Instant toInstant(long atNanos) {
        return instant().plusNanos(atNanos - nanos());
    }

    /** Converts a wall-clock instant to the {@link #nanos()} scale, saturating far-away values. */
    default long toNanos(Instant at) {
        long now = nanos();
        java.time.Duration ahead = java.time.Duration.between(instant(), at);
        try {
            return Math.addExact(now, ahead.toNanos());
        } catch (ArithmeticException tooFar) {
            return ahead.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
    }

    /** A task that may still be called off. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }
}
