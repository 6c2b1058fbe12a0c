package dev.patchbay.outbound;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The blocking wait of a synchronous request for its pool slot or its rate-limit start. It waits on
 * the request's own thread and looks every {@link #PROBE_MILLIS} ms whether the caller is still
 * connected: a caller who hung up leaves the queue (those behind move up) and the request is never
 * sent. A probe is one non-blocking read of the caller's socket, so a short interval costs little.
 */
final class QueueWait {

    static final long PROBE_MILLIS = 200;

    private QueueWait() {}

    /**
     * @param granted completes with what was waited for, or fails with the refusal
     * @param leave leaves the queue; false when it was granted (or refused) meanwhile
     * @param giveBack frees what was granted after all, when the caller left or the thread was interrupted
     * @throws CallerGoneException when the caller closed its connection; nothing was sent
     */
    static <T> T await(CompletionStage<T> granted, BooleanSupplier leave, Consumer<T> giveBack, CallerPresence caller)
            throws InterruptedException {
        CompletableFuture<T> future = granted.toCompletableFuture();
        while (true) {
            try {
                // Without a caller to watch (work that nobody waits on over HTTP), one plain wait.
                return caller == CallerPresence.UNKNOWN ? future.get() : future.get(PROBE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                if (caller.isGone()) {
                    abandon(future, leave, giveBack);
                    throw new CallerGoneException();
                }
            } catch (InterruptedException e) {
                abandon(future, leave, giveBack);
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static <T> void abandon(CompletableFuture<T> future, BooleanSupplier leave, Consumer<T> giveBack) {
        if (!leave.getAsBoolean()) {
            future.thenAccept(giveBack); // granted just now: give it back unused (a refusal has nothing to give back)
        }
    }
}
