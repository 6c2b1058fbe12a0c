package dev.patchbay.outbound.limit;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request's place in its instance's rate limit. It is <em>granted</em> at once or after waiting in
 * the queue; a granted request holds one of the window's N starts until it is {@link #sent() sent},
 * and the start then counts from the moment of sending, or until it is {@link #cancel() given back}
 * (the caller went away, or the connection failed before anything was written).
 *
 * <p>Why a grant and a send are two steps: the request waits for its grant before it takes a
 * connection to the system (a queued request must not hold a connection, which the system may close
 * while it idles), so time passes between the grant and the write (leasing a connection, connecting,
 * TLS). A start counted at the grant could then reach the system late, bunched with starts of the next
 * window. Counted at the send, and held in every window while it is pending, it cannot.
 */
public final class StartTicket {

    /** The limiter's side of a ticket; each method is called at most once, and never both. */
    interface Control {
        /** The granted request is written to its connection now: its start counts from now. */
        void sent();

        /** Leaves the queue, or gives back a grant that was not sent; false when refused already. */
        boolean withdraw();
    }

    private static final int OPEN = 0;
    private static final int SENT = 1;
    private static final int WITHDRAWN = 2;

    private final CompletableFuture<Instant> granted;
    private final Control control;
    private final int queuePosition;
    private final Instant expectedStart;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    StartTicket(CompletableFuture<Instant> granted, Control control, int queuePosition, Instant expectedStart) {
        this.granted = granted;
        this.control = control;
        this.queuePosition = queuePosition;
        this.expectedStart = expectedStart;
    }

    /** 0 when it was granted at once, otherwise its 1-based place in the queue when it joined. */
    public int queuePosition() {
        return queuePosition;
    }

    /** When it was computed to start, as it joined (later if the instance is paused meanwhile). */
    public Instant expectedStart() {
        return expectedStart;
    }

    public boolean isGranted() {
        return granted.isDone() && !granted.isCompletedExceptionally();
    }

    /**
     * Completes with the moment of the grant, when the request may be sent; fails with
     * {@link RateLimitedException} when its wait bound runs out first, or with
     * {@link CancellationException} after {@link #cancel()}. Completion happens on the limiter's timer
     * thread (or, with Redis, on its client's I/O thread): chain with the {@code *Async} methods.
     */
    public CompletionStage<Instant> whenGranted() {
        return granted.minimalCompletionStage();
    }

    /**
     * Waits for the grant and returns its moment. An interrupted caller gives its place back before
     * the exception propagates.
     *
     * @throws RateLimitedException when the wait bound ran out
     * @throws CancellationException after {@link #cancel()}
     */
    public Instant await() throws InterruptedException {
        return Waiting.await(granted, this::cancel);
    }

    /**
     * The request is being written to its connection: its start counts from now. Call it right
     * before the write; a second call does nothing.
     *
     * @throws IllegalStateException when the request was not granted, or was given back
     */
    public void sent() {
        if (!isGranted()) {
            throw new IllegalStateException("A request may be sent only once it is granted");
        }
        if (state.compareAndSet(OPEN, SENT)) {
            control.sent();
        } else if (state.get() == WITHDRAWN) {
            throw new IllegalStateException("The request gave its start back");
        }
    }

    /**
     * Gives the place back: a waiting request leaves the queue (those behind move up) and never
     * starts; a granted one that was not sent frees its start for the next. Safe on every path.
     *
     * @return true if it left or gave back its start; false once sent, refused or already cancelled
     */
    public boolean cancel() {
        return state.compareAndSet(OPEN, WITHDRAWN) && control.withdraw();
    }
}
