package dev.patchbay.outbound.limit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's place in a connection pool. Closing it gives the slot back; closing again does
 * nothing, so every path (success, failure, timeout, disconnect) may close it without counting.
 */
public final class PoolSlot implements AutoCloseable {

    private final AtomicBoolean released = new AtomicBoolean();
    private final Runnable release;

    PoolSlot(Runnable release) {
        this.release = release;
    }

    /** Gives the slot back, once. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    public boolean isReleased() {
        return released.get();
    }
}
