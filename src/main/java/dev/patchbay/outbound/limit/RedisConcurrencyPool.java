package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link ConcurrencyPool} of several nodes: a pool's slots and its FIFO queue live in Redis and
 * change only by atomic Lua scripts, so at most {@code limit} requests are in flight per pool across
 * every node.
 *
 * <p>The queue, its leases (a node that dies gives its slots and places back after at most one lease
 * time), FIFO order across nodes and the wake-ups are {@link RedisSlotQueues}', shared with the rate
 * limiter; a pool slot is held from the grant until its holder gives it back, which it does once
 * ({@link PoolSlot} is idempotent) on every path. Only asking ("pool-acquire") and reading
 * ("pool-usage") are the pool's own.
 */
public final class RedisConcurrencyPool implements ConcurrencyPool, AutoCloseable {

    private static final LuaScript ACQUIRE = new LuaScript("pool-acquire.lua");
    private static final LuaScript USAGE = new LuaScript("pool-usage.lua");

    private static final int GRANTED = 1;
    private static final int QUEUED = 2;

    private final RedisSlotQueues slots;
    private final LimitsRedis redis;
    private final TimeSource time;

    public RedisConcurrencyPool(LimitsRedis redis, TimeSource time, Duration leaseTime) {
        this.redis = redis;
        this.time = time;
        this.slots = new RedisSlotQueues(redis, time, leaseTime, "pool", List.of("slots", "queue", "waiters", "arrivals"));
    }

    @Override
    public SlotRequest request(String poolId, int limit, Duration timeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("A connection pool allows at least one request in flight");
        }
        RedisSlotQueues.Queue pool = slots.queue(poolId);
        pool.configure(limit, 0);
        boolean wait = timeout != null && !timeout.isNegative() && !timeout.isZero();
        String id = slots.newId();
        long deadline = wait ? saturatedDeadline(timeout) : 0;
        List<Object> reply = redis.call(ACQUIRE, pool.keys, id, String.valueOf(limit), slots.leaseMicros(), wait ? "1" : "0");
        int status = ((Number) reply.get(0)).intValue();
        if (status == GRANTED) {
            slots.hold(pool, id);
            return new SlotRequest(CompletableFuture.completedFuture(slot(pool, id)), () -> false);
        }
        if (status != QUEUED) {
            throw new PoolTimeoutException(Duration.ZERO);
        }
        RedisSlotQueues.Waiter<PoolSlot> waiter = slots.await(pool, id, deadline, () -> slot(pool, id),
                () -> new PoolTimeoutException(timeout));
        return new SlotRequest(waiter.result, () -> slots.leave(pool, waiter, new CancellationException("Left the pool's queue")));
    }

    @Override
    public PoolUsage usage(String poolId) {
        List<Object> reply = redis.call(USAGE, slots.queue(poolId).keys);
        return new PoolUsage(((Number) reply.get(0)).intValue(), ((Number) reply.get(1)).intValue());
    }

    private PoolSlot slot(RedisSlotQueues.Queue pool, String id) {
        return new PoolSlot(() -> slots.giveBack(pool, id));
    }

    private long saturatedDeadline(Duration timeout) {
        try {
            return Math.addExact(time.nanos(), timeout.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    /**
     * Stops the heartbeat. Slots still held are given back by their holders; those of a node that stops
     * without doing so come back when their leases run out.
     */
    @Override
    public void close() {
        slots.close();
    }
}
