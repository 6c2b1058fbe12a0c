package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process {@link ConcurrencyPool}: a counter and a FIFO queue per pool id. Unlike
 * {@link java.util.concurrent.Semaphore}, the limit is passed with every call (a changed limit
 * applies to the next acquire, and a raised one lets waiters in at once), a waiter can leave the
 * queue without a thread of its own, and the release handle is idempotent.
 *
 * <p>Pools are few (rows of a table), so their state is kept for the life of the process.
 */
public final class InProcessPool implements ConcurrencyPool {

    private final TimeSource time;
    private final ConcurrentHashMap<String, PoolState> pools = new ConcurrentHashMap<>();

    public InProcessPool(TimeSource time) {
        this.time = time;
    }

    @Override
    public SlotRequest request(String poolId, int limit, Duration timeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("A connection pool allows at least one request in flight");
        }
        PoolState pool = pools.computeIfAbsent(poolId, id -> new PoolState());
        List<Waiter> granted;
        SlotRequest request;
        synchronized (pool) {
            pool.limit = limit;
            granted = pump(pool);
            if (pool.queue.isEmpty() && pool.inFlight < pool.limit) {
                pool.inFlight++;
                request = new SlotRequest(CompletableFuture.completedFuture(newSlot(pool)), () -> false);
            } else if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                request = null;
            } else {
                Waiter waiter = new Waiter();
                pool.queue.addLast(waiter);
                waiter.timer = time.schedule(deadline(timeout), () -> onTimeout(pool, waiter, timeout));
                request = new SlotRequest(waiter.slot, () -> cancel(pool, waiter));
            }
        }
        complete(granted);
        if (request == null) {
            throw new PoolTimeoutException(Duration.ZERO);
        }
        return request;
    }

    @Override
    public PoolUsage usage(String poolId) {
        PoolState pool = pools.get(poolId);
        if (pool == null) {
            return new PoolUsage(0, 0);
        }
        synchronized (pool) {
            return new PoolUsage(pool.inFlight, pool.queue.size());
        }
    }

    private PoolSlot newSlot(PoolState pool) {
        return new PoolSlot(() -> release(pool));
    }

    private void release(PoolState pool) {
        List<Waiter> granted;
        synchronized (pool) {
            pool.inFlight--;
            granted = pump(pool);
        }
        complete(granted);
    }

    /** Hands free slots to waiters, oldest first. Under the pool's lock. */
    private List<Waiter> pump(PoolState pool) {
        List<Waiter> granted = null;
        while (!pool.queue.isEmpty() && pool.inFlight < pool.limit) {
            Waiter waiter = pool.queue.pollFirst();
            waiter.state = Waiter.GRANTED;
            waiter.timer.cancel();
            pool.inFlight++;
            waiter.granted = newSlot(pool);
            if (granted == null) {
                granted = new ArrayList<>(2);
            }
            granted.add(waiter);
        }
        return granted;
    }

    private void onTimeout(PoolState pool, Waiter waiter, Duration timeout) {
        synchronized (pool) {
            if (waiter.state != Waiter.WAITING) {
                return;
            }
            pool.queue.remove(waiter);
            waiter.state = Waiter.TIMED_OUT;
        }
        waiter.slot.completeExceptionally(new PoolTimeoutException(timeout));
    }

    private boolean cancel(PoolState pool, Waiter waiter) {
        synchronized (pool) {
            if (waiter.state != Waiter.WAITING) {
                return false;
            }
            pool.queue.remove(waiter);
            waiter.state = Waiter.CANCELLED;
            waiter.timer.cancel();
        }
        waiter.slot.completeExceptionally(new CancellationException("Left the pool's queue"));
        return true;
    }

    /** Completes outside the lock, so nothing chained on a future runs while it is held. */
    private static void complete(List<Waiter> granted) {
        if (granted != null) {
            for (Waiter waiter : granted) {
                waiter.slot.complete(waiter.granted);
            }
        }
    }

    private long deadline(Duration timeout) {
        try {
            return Math.addExact(time.nanos(), timeout.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static final class Waiter {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int CANCELLED = 2;
        static final int TIMED_OUT = 3;

        final CompletableFuture<PoolSlot> slot = new CompletableFuture<>();
        int state = WAITING;
        PoolSlot granted;
        TimeSource.Scheduled timer;
    }

    private static final class PoolState {
        int limit = 1;
        int inFlight;
        final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    }
}
