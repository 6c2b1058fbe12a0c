package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConcurrencyPool} of several nodes: a pool's slots and its FIFO queue live in Redis and
 * change only by atomic Lua scripts, so at most {@code limit} requests are in flight per pool across
 * every node.
 *
 * <p><b>Leases.</b> A slot, and a place in the queue, is a lease with an end in Redis time; every node
 * renews its own every third of the lease (its heartbeat), and every script first drops the leases
 * that ran out. A node that dies therefore gives its slots and places back after at most one lease
 * time. A slot is given back once ({@link PoolSlot} is idempotent) on every path of its holder.
 *
 * <p><b>Order.</b> Waiters are numbered on arrival. When k slots are free, the first k waiters are
 * owed them, whichever node they wait on: each node claims those of them that are its own
 * ("pool-claim"), the others stay owed to their nodes, so nobody is overtaken; a newcomer is granted
 * at once only when more slots are free than waiters are owed.
 *
 * <p><b>Waking.</b> A release publishes the pool's id on one channel (pub/sub), and every node with
 * waiters of that pool claims at once: a freed slot is taken within a round trip, which polling
 * could only match by hammering Redis. Pub/sub may lose a message (a reconnect), and a lease that
 * runs out publishes nothing, so the heartbeat also claims for every pool with waiters: a lost wake-up
 * costs at most one heartbeat ({@code min(lease / 3, 1 s)}).
 */
public final class RedisConcurrencyPool implements ConcurrencyPool, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConcurrencyPool.class);

    private static final LuaScript ACQUIRE = new LuaScript("pool-acquire.lua");
    private static final LuaScript CLAIM = new LuaScript("pool-claim.lua");
    private static final LuaScript RELEASE = new LuaScript("pool-release.lua");
    private static final LuaScript RENEW = new LuaScript("pool-renew.lua");
    private static final LuaScript USAGE = new LuaScript("pool-usage.lua");

    private static final int GRANTED = 1;
    private static final int QUEUED = 2;

    private final LimitsRedis redis;
    private final TimeSource time;
    private final String leaseMicros;
    private final long heartbeatNanos;
    private final String channel;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, LocalPool> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RedisConcurrencyPool(LimitsRedis redis, TimeSource time, Duration leaseTime) {
        this.redis = redis;
        this.time = time;
        this.leaseMicros = String.valueOf(leaseTime.toNanos() / 1000);
        this.heartbeatNanos = Math.min(leaseTime.toNanos() / 3, Duration.ofSeconds(1).toNanos());
        this.channel = redis.channel("pool-released");
        redis.subscribe(channel, poolId -> {
            LocalPool pool = pools.get(poolId);
            if (pool != null) {
                claim(pool);
            }
        });
        time.schedule(time.nanos() + heartbeatNanos, this::heartbeat);
    }

    @Override
    public SlotRequest request(String poolId, int limit, Duration timeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("A connection pool allows at least one request in flight");
        }
        LocalPool pool = pools.computeIfAbsent(poolId, LocalPool::new);
        pool.limit = limit;
        boolean wait = timeout != null && !timeout.isNegative() && !timeout.isZero();
        String id = node + ":" + ids.incrementAndGet();
        long deadline = wait ? saturatedDeadline(timeout) : 0;
        List<Object> reply = redis.call(ACQUIRE, pool.keys, id, String.valueOf(limit), leaseMicros, wait ? "1" : "0");
        int status = ((Number) reply.get(0)).intValue();
        if (status == GRANTED) {
            return new SlotRequest(CompletableFuture.completedFuture(slot(pool, id)), () -> false);
        }
        if (status != QUEUED) {
            throw new PoolTimeoutException(Duration.ZERO);
        }
        Waiter waiter = new Waiter(id, timeout);
        pool.waiters.put(id, waiter);
        waiter.timer = time.schedule(deadline, () -> leave(pool, waiter, new PoolTimeoutException(timeout)));
        claim(pool); // a slot freed between the script and this node's bookkeeping must not wait for the heartbeat
        return new SlotRequest(waiter.slot, () -> leave(pool, waiter, new CancellationException("Left the pool's queue")));
    }

    @Override
    public PoolUsage usage(String poolId) {
        LocalPool pool = pools.computeIfAbsent(poolId, LocalPool::new);
        List<Object> reply = redis.call(USAGE, pool.keys);
        return new PoolUsage(((Number) reply.get(0)).intValue(), ((Number) reply.get(1)).intValue());
    }

    private PoolSlot slot(LocalPool pool, String id) {
        pool.held.add(id);
        return new PoolSlot(() -> {
            pool.held.remove(id);
            giveBack(pool, id);
        });
    }

    /** Removes {@code id} from the pool's slots or queue and wakes the waiters; a failure leaves it to the lease. */
    private void giveBack(LocalPool pool, String id) {
        redis.run(RELEASE, pool.keys, id, channel, pool.id).whenComplete((reply, failure) -> {
            if (failure != null) {
                log.warn("Could not give back a pool slot or place ({}); it returns when its lease runs out",
                        failure.getClass().getSimpleName());
            }
        });
    }

    /** Claims the slots owed to this node's waiters of {@code pool}; one claim per pool at a time, repeated if asked meanwhile. */
    private void claim(LocalPool pool) {
        if (!pool.claiming.compareAndSet(false, true)) {
            pool.again.set(true);
            return;
        }
        List<String> args = new ArrayList<>(pool.waiters.size() + 2);
        args.add(String.valueOf(pool.limit));
        args.add(leaseMicros);
        args.addAll(pool.waiters.keySet());
        if (args.size() == 2) {
            claimed(pool);
            return;
        }
        redis.run(CLAIM, pool.keys, args.toArray(String[]::new)).whenComplete((reply, failure) -> {
            if (failure != null) {
                log.warn("Could not claim pool slots ({}); the waiters try again", failure.getClass().getSimpleName());
            } else {
                for (Object id : (List<?>) reply.get(0)) {
                    grant(pool, (String) id);
                }
                for (Object id : (List<?>) reply.get(1)) {
                    Waiter lost = pool.waiters.get((String) id);
                    if (lost != null) {
                        leave(pool, lost, new PoolTimeoutException(lost.timeout));
                    }
                }
            }
            claimed(pool);
        });
    }

    private void claimed(LocalPool pool) {
        pool.claiming.set(false);
        if (pool.again.getAndSet(false)) {
            claim(pool);
        }
    }

    /** A slot claimed for {@code id}: its waiter gets it, or, if it left meanwhile, it goes straight back. */
    private void grant(LocalPool pool, String id) {
        Waiter waiter = pool.waiters.remove(id);
        if (waiter == null || !waiter.finish()) {
            giveBack(pool, id);
            return;
        }
        waiter.slot.complete(slot(pool, id));
    }

    /** The waiter leaves (timeout, cancel, lost place): false if it had been granted already. */
    private boolean leave(LocalPool pool, Waiter waiter, RuntimeException reason) {
        if (!waiter.finish()) {
            return false;
        }
        pool.waiters.remove(waiter.id);
        giveBack(pool, waiter.id);
        waiter.slot.completeExceptionally(reason);
        return true;
    }

    /** Renews this node's slots and places, and claims for pools with waiters (a lost wake-up costs one beat). */
    private void heartbeat() {
        if (closed) {
            return;
        }
        for (LocalPool pool : pools.values()) {
            if (!pool.held.isEmpty()) {
                List<String> args = new ArrayList<>(pool.held.size() + 1);
                args.add(leaseMicros);
                args.addAll(pool.held);
                redis.run(RENEW, new String[] {pool.keys[0]}, args.toArray(String[]::new)).whenComplete((reply, failure) -> {
                    long lost = failure == null ? ((Number) reply.get(0)).longValue() : 0;
                    if (failure != null || lost > 0) {
                        log.warn("Pool slot leases not renewed ({} lost, {})", lost,
                                failure == null ? "expired" : failure.getClass().getSimpleName());
                    }
                });
            }
            if (!pool.waiters.isEmpty()) {
                claim(pool);
            }
        }
        time.schedule(time.nanos() + heartbeatNanos, this::heartbeat);
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
        closed = true;
    }

    /** This node's view of one pool: its waiters (in arrival order) and the slots it holds. */
    private final class LocalPool {
        final String id;
        final String[] keys;
        final Map<String, Waiter> waiters = new ConcurrentHashMap<>();
        final java.util.Set<String> held = ConcurrentHashMap.newKeySet();
        final AtomicBoolean claiming = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        volatile int limit = 1;

        LocalPool(String id) {
            this.id = id;
            this.keys = new String[] {redis.key("pool", id, "slots"), redis.key("pool", id, "queue"),
                redis.key("pool", id, "waiters"), redis.key("pool", id, "arrivals")};
        }
    }

    private static final class Waiter {
        final CompletableFuture<PoolSlot> slot = new CompletableFuture<>();
        final String id;
        final Duration timeout;
        TimeSource.Scheduled timer;
        private boolean finished;

        Waiter(String id, Duration timeout) {
            this.id = id;
            this.timeout = timeout;
        }

        /** The one transition out of waiting (granted, timed out, cancelled or lost); true for the caller that made it. */
        synchronized boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            if (timer != null) {
                timer.cancel();
            }
            return true;
        }
    }
}
