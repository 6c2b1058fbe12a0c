package dev.patchbay.outbound.limit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The blocking wait shared by a start ticket and a slot request. */
final class Waiting {

    private Waiting() {}

    /**
     * Waits for {@code future}. An interrupted caller runs {@code onInterrupt} (leave the queue, free
     * what was granted meanwhile) before the exception propagates; a failure is rethrown as it was.
     */
    static <T> T await(CompletableFuture<T> future, Runnable onInterrupt) throws InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            onInterrupt.run();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
