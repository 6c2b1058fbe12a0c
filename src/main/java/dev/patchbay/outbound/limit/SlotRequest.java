package dev.patchbay.outbound.limit;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/** A request for a pool slot: granted already, or waiting in the pool's queue. */
public final class SlotRequest {

    private final CompletableFuture<PoolSlot> slot;
    private final BooleanSupplier canceller;

    SlotRequest(CompletableFuture<PoolSlot> slot, BooleanSupplier canceller) {
        this.slot = slot;
        this.canceller = canceller;
    }

    /**
     * Completes with the slot; fails with {@link PoolTimeoutException} when the pool's timeout runs
     * out, or {@link CancellationException} after {@link #cancel()}. Completion may happen on the
     * pool's timer thread or on the thread releasing a slot: chain with the {@code *Async} methods.
     */
    public CompletionStage<PoolSlot> whenAcquired() {
        return slot.minimalCompletionStage();
    }

    /**
     * Waits for the slot. An interrupted caller leaves the queue; if the slot was granted just
     * before, it is released here, so it cannot leak.
     */
    public PoolSlot await() throws InterruptedException {
        return Waiting.await(slot, () -> {
            if (!cancel()) {
                slot.thenAccept(PoolSlot::close);
            }
        });
    }

    /**
     * Leaves the queue. Returns false when the slot was already granted (the holder must close it)
     * or the request already timed out.
     */
    public boolean cancel() {
        return canceller.getAsBoolean();
    }
}
