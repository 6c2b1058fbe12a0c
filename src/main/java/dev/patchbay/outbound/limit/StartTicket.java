package dev.patchbay.outbound.limit;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * A request's place in its instance's rate limit: started already, or waiting in the queue. The
 * holder either waits for the start ({@link #await()} or {@link #whenStarted()}) and then sends at
 * once, or {@link #cancel() cancels} (the caller went away), after which the request never starts.
 */
public final class StartTicket {

    private final CompletableFuture<Instant> started;
    private final BooleanSupplier canceller;
    private final int queuePosition;
    private final Instant expectedStart;

    StartTicket(CompletableFuture<Instant> started, BooleanSupplier canceller, int queuePosition, Instant expectedStart) {
        this.started = started;
        this.canceller = canceller;
        this.queuePosition = queuePosition;
        this.expectedStart = expectedStart;
    }

    static StartTicket startedNow(Instant now) {
        return new StartTicket(CompletableFuture.completedFuture(now), () -> false, 0, now);
    }

    /** 0 when it started at once, otherwise its 1-based place in the queue when it joined. */
    public int queuePosition() {
        return queuePosition;
    }

    /** When it was computed to start, as it joined (later if the instance is paused meanwhile). */
    public Instant expectedStart() {
        return expectedStart;
    }

    public boolean isStarted() {
        return started.isDone() && !started.isCompletedExceptionally();
    }

    /**
     * Completes with the moment the start was counted, when the request may start; fails with {@link RateLimitedException} when its wait
     * bound runs out first, or with {@link CancellationException} after {@link #cancel()}. Dependent
     * actions should use the {@code *Async} methods: completion happens on the limiter's timer thread (or,
     * with Redis, on its client's I/O thread).
     */
    public CompletionStage<Instant> whenStarted() {
        return started.minimalCompletionStage();
    }

    /**
     * Waits for the start and returns the moment it was counted. An interrupted caller leaves the
     * queue before the exception propagates.
     *
     * @throws RateLimitedException when the wait bound ran out
     * @throws CancellationException after {@link #cancel()}
     */
    public Instant await() throws InterruptedException {
        return Waiting.await(started, this::cancel);
    }

    /**
     * Leaves the queue: the request will never start and the waiters behind it move up.
     *
     * @return true if it left the queue, false if it had already started or been refused
     */
    public boolean cancel() {
        return canceller.getAsBoolean();
    }
}
