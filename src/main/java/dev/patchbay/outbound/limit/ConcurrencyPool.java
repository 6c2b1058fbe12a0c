package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Port: at most {@code limit} requests in flight at once per connection pool, across every
 * instance assigned to it. A slot is held from send until the response is read or abandoned and is
 * released by closing the {@link PoolSlot}, exactly once, on every path.
 */
public interface ConcurrencyPool {

    /**
     * Asks for a slot of {@code poolId}. Granted at once while fewer than {@code limit} are in
     * flight and nobody waits; otherwise the request waits in FIFO order for at most {@code timeout}
     * and then fails with {@link PoolTimeoutException}. A zero timeout fails at once when full.
     *
     * @throws PoolTimeoutException at once when the pool is full and {@code timeout} is zero
     */
    SlotRequest request(String poolId, int limit, Duration timeout);

    /**
     * Blocking form of {@link #request}. An interrupted caller leaves the queue; a slot granted in
     * the meantime is released, never leaked.
     *
     * @throws PoolTimeoutException when no slot came within {@code timeout}
     */
    default PoolSlot acquire(String poolId, int limit, Duration timeout) throws InterruptedException {
        return request(poolId, limit, timeout).await();
    }

    /** Slots in flight and requests waiting, for the pool's usage. */
    PoolUsage usage(String poolId);

    /**
     * {@link #usage(String)} of several pools, for a page of the pools' list. An implementation whose
     * state is remote should answer them in one round trip; in process a loop is as cheap.
     */
    default Map<String, PoolUsage> usage(Collection<String> poolIds) {
        Map<String, PoolUsage> usages = new LinkedHashMap<>();
        for (String poolId : poolIds) {
            usages.put(poolId, usage(poolId));
        }
        return usages;
    }
}
