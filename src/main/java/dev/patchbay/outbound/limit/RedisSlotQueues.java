package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's side of FIFO slot queues kept in Redis: the machinery that {@link RedisConcurrencyPool}
 * (a slot per request in flight) and {@link RedisRateLimiter} (a slot per start in the window) share.
 * Each queue (a pool, or an instance's rate limit) is a set of at most {@code limit} held slots and a
 * queue of waiters in Redis; the owner asks for a slot with its own script and, when told to wait,
 * hands the waiter to this class, which claims, renews, wakes and gives back.
 *
 * <p><b>Leases.</b> A held slot, and a place in the queue, is a lease with an end in Redis time; this
 * node renews its own every third of the lease (its heartbeat), and every script first drops the leases
 * that ran out, so a node that dies gives its slots and places back after at most one lease time. A
 * slot's score is when it frees: its lease end plus a span (0 for a pool; window + margin for a start,
 * which may have been sent at the last moment of its lease).
 *
 * <p><b>Order.</b> Waiters are numbered on arrival. When k slots are free, the first k waiters are
 * owed them, whichever node they wait on: each node claims those of them that are its own
 * ("slot-claim"), the others stay owed to their nodes, so nobody is overtaken; a newcomer is granted
 * at once only when more slots are free than waiters are owed.
 *
 * <p><b>Waking.</b> A give-back publishes the queue's id on the kind's channel (pub/sub), and every node
 * with waiters of that queue claims at once: a freed slot is taken within a round trip. A slot that frees
 * by time (a start leaving its window) publishes nothing, so the claim answers when the next slot frees,
 * and this node claims again then, at the local moment of that Redis time (never earlier: the script ran
 * before its answer arrived). Pub/sub may lose a message (a reconnect) and a lease that runs out
 * publishes nothing, so the heartbeat also claims for every queue with waiters: a lost wake-up costs at
 * most one heartbeat ({@code min(lease / 3, 1 s)}).
 */
final class RedisSlotQueues implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSlotQueues.class);

    private static final LuaScript CLAIM = new LuaScript("slot-claim.lua");
    private static final LuaScript RENEW = new LuaScript("slot-renew.lua");
    private static final LuaScript RELEASE = new LuaScript("slot-release.lua");

    private final LimitsRedis redis;
    private final TimeSource time;
    private final String kind;
    private final List<String> parts;
    private final String leaseMicros;
    private final long heartbeatNanos;
    private final String channel;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final long idleNanos;
    private volatile boolean closed;

    /**
     * @param kind the first part of the keys and of the channel ({@code pool}, {@code rate})
     * @param parts the names of the queue's keys, in the order of slot-claim.lua's KEYS
     */
    RedisSlotQueues(LimitsRedis redis, TimeSource time, Duration leaseTime, String kind, List<String> parts) {
        this.redis = redis;
        this.time = time;
        this.kind = kind;
        this.parts = List.copyOf(parts);
        this.leaseMicros = String.valueOf(leaseTime.toNanos() / 1000);
        this.heartbeatNanos = Math.min(leaseTime.toNanos() / 3, Duration.ofSeconds(1).toNanos());
        this.idleNanos = 4 * leaseTime.toNanos();
        this.channel = redis.channel(kind + "-released");
        redis.subscribe(channel, id -> {
            Queue queue = queues.get(id);
            if (queue != null) {
                claim(queue);
            }
        });
        time.schedule(time.nanos() + heartbeatNanos, this::heartbeat);
    }

    /** This node's view of queue {@code id}, marked as used now (see {@link #forgetIdle}). */
    Queue queue(String id) {
        Queue queue = queues.computeIfAbsent(id, Queue::new);
        queue.lastUsed = time.nanos();
        return queue;
    }

    /** Queues this node knows (for tests). */
    int knownQueues() {
        return queues.size();
    }

    /** A fresh id for a slot or waiter, unique across nodes. */
    String newId() {
        return node + ":" + ids.incrementAndGet();
    }

    String leaseMicros() {
        return leaseMicros;
    }

    /** The channel a script publishes a queue's id on to wake its waiters on every node. */
    String channel() {
        return channel;
    }

    /** {@code id} was granted a slot by the owner's script: this node renews it until it is given back or let go. */
    void hold(Queue queue, String id) {
        queue.held.add(id);
    }

    /** Stops renewing {@code id}, whose slot now frees by its score alone (a sent start). */
    void letGo(Queue queue, String id) {
        queue.held.remove(id);
    }

    /**
     * Removes {@code id} from the queue's slots or waiters and wakes the waiters; a failure leaves it to
     * the lease. The returned stage completes (never exceptionally) once Redis has answered.
     */
    CompletableFuture<Void> giveBack(Queue queue, String id) {
        queue.held.remove(id);
        return redis.run(RELEASE, queue.keys, id, channel, queue.id).handle((reply, failure) -> {
            if (failure != null) {
                log.warn("Could not give back a {} slot or place ({}); it returns when its lease runs out", kind,
                        failure.getClass().getSimpleName());
            }
            return null;
        });
    }

    /**
     * {@code id} was queued by the owner's script: it waits on this node until a claim grants it (its
     * future then completes with {@code onGrant}'s value) or until {@code deadlineNanos}, when it leaves
     * with {@code onTimeout}'s exception (as when it loses its place because its lease ran out).
     */
    <T> Waiter<T> await(Queue queue, String id, long deadlineNanos, Supplier<T> onGrant, Supplier<RuntimeException> onTimeout) {
        Waiter<T> waiter = new Waiter<>(id, onGrant, onTimeout);
        if (deadlineNanos < Long.MAX_VALUE / 2) {
            waiter.timer = time.schedule(deadlineNanos, () -> leave(queue, waiter, onTimeout.get()));
        }
        queue.waiters.put(id, waiter);
        claim(queue); // a slot freed between the script and this node's bookkeeping must not wait for a wake-up
        return waiter;
    }

    /** The waiter leaves (deadline, cancel, lost place) and its place is withdrawn: false if it was granted or had left already. */
    boolean leave(Queue queue, Waiter<?> waiter, RuntimeException reason) {
        if (!waiter.finish(Waiter.LEFT)) {
            return false;
        }
        queue.waiters.remove(waiter.id);
        // The refusal reaches the caller once its place is gone, so what it reads next (usage) no longer counts it.
        giveBack(queue, waiter.id).whenComplete((done, failure) -> waiter.result.completeExceptionally(reason));
        return true;
    }

    /** Claims the slots owed to this node's waiters of {@code queue}; one claim per queue at a time, repeated if asked meanwhile. */
    private void claim(Queue queue) {
        if (!queue.claiming.compareAndSet(false, true)) {
            queue.again.set(true);
            return;
        }
        if (queue.waiters.isEmpty()) {
            claimed(queue);
            return;
        }
        List<String> args = queue.args(queue.waiters.keySet());
        redis.run(CLAIM, queue.keys, args.toArray(String[]::new)).whenComplete((reply, failure) -> {
            if (failure != null) {
                log.warn("Could not claim {} slots ({}); the waiters try again", kind, failure.getClass().getSimpleName());
            } else {
                long arrived = time.nanos();
                for (Object id : (List<?>) reply.get(0)) {
                    grant(queue, (String) id);
                }
                for (Object id : (List<?>) reply.get(1)) {
                    Waiter<?> lost = queue.waiters.get((String) id);
                    if (lost != null) {
                        leave(queue, lost, lost.onTimeout.get());
                    }
                }
                long now = ((Number) reply.get(2)).longValue();
                long wake = ((Number) reply.get(3)).longValue();
                if (wake > now && !queue.waiters.isEmpty()) {
                    wakeAt(queue, arrived + (wake - now) * 1000);
                }
            }
            claimed(queue);
        });
    }

    private void claimed(Queue queue) {
        queue.claiming.set(false);
        if (queue.again.getAndSet(false)) {
            claim(queue);
        }
    }

    /** Claims again at {@code atNanos}, unless an earlier claim is timed already. */
    private void wakeAt(Queue queue, long atNanos) {
        synchronized (queue) {
            if (queue.wake != null && queue.wakeAt - atNanos <= 0) {
                return;
            }
            if (queue.wake != null) {
                queue.wake.cancel();
            }
            queue.wakeAt = atNanos;
            queue.wake = time.schedule(atNanos, () -> {
                synchronized (queue) {
                    queue.wake = null;
                }
                claim(queue);
            });
        }
    }

    /** A slot claimed for {@code id}: its waiter gets it, or, if it left meanwhile, it goes straight back. */
    private void grant(Queue queue, String id) {
        Waiter<?> waiter = queue.waiters.remove(id);
        queue.held.add(id); // before the grant is visible: a give-back right after must find it
        if (waiter == null || !waiter.finish(Waiter.GRANTED)) {
            giveBack(queue, id);
            return;
        }
        waiter.complete();
    }

    /** Renews this node's slots and places, and claims for queues with waiters (a lost wake-up costs one beat). */
    private void heartbeat() {
        if (closed) {
            return;
        }
        long now = time.nanos();
        for (Queue queue : queues.values()) {
            if (forgetIdle(queue, now)) {
                continue;
            }
            if (!queue.held.isEmpty()) {
                redis.run(RENEW, queue.keys, queue.args(queue.held).toArray(String[]::new)).whenComplete((reply, failure) -> {
                    long lost = failure == null ? ((Number) reply.get(0)).longValue() : 0;
                    if (failure != null || lost > 0) {
                        log.warn("{} slot leases not renewed ({} lost, {})", kind, lost,
                                failure == null ? "expired" : failure.getClass().getSimpleName());
                    }
                });
            }
            if (!queue.waiters.isEmpty()) {
                claim(queue);
            }
        }
        time.schedule(time.nanos() + heartbeatNanos, this::heartbeat);
    }

    /**
     * Drops this node's view of a queue it has neither waiters nor slots in and that nobody asked for
     * since {@link #idleNanos}, so a node's memory follows its active instances, not every instance it
     * ever served. The view is cheap to build again. A request that fetched the view just before this
     * runs would still use it: the idle time (several leases) is far longer than the moment between
     * fetching a view and registering a slot or waiter in it, which a command timeout bounds.
     */
    private boolean forgetIdle(Queue queue, long now) {
        if (queue.waiters.isEmpty() && queue.held.isEmpty() && now - queue.lastUsed > idleNanos) {
            return queues.remove(queue.id, queue);
        }
        return false;
    }

    /**
     * Stops the heartbeat. Slots still held are given back by their holders; those of a node that stops
     * without doing so come back when their leases run out.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** This node's view of one queue: its waiters, the slots it renews and the queue's current limit. */
    final class Queue {
        final String id;
        final String[] keys;
        final Map<String, Waiter<?>> waiters = new ConcurrentHashMap<>();
        final Set<String> held = ConcurrentHashMap.newKeySet();
        final AtomicBoolean claiming = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        private volatile long lastUsed;
        private volatile String limit = "1";
        private volatile String spanMicros = "0";
        private TimeSource.Scheduled wake; // guarded by this
        private long wakeAt;

        Queue(String id) {
            this.id = id;
            this.keys = parts.stream().map(part -> redis.key(kind, id, part)).toArray(String[]::new);
        }

        /** The latest limit and span asked with: they govern the next claim (a changed limit applies to the next decision). */
        void configure(int limit, long spanMicros) {
            this.limit = String.valueOf(limit);
            this.spanMicros = String.valueOf(spanMicros);
        }

        /** slot-claim.lua's and slot-renew.lua's arguments: limit, lease, span, ids. */
        private List<String> args(Set<String> ids) {
            List<String> args = new ArrayList<>(ids.size() + 3);
            args.add(limit);
            args.add(leaseMicros);
            args.add(spanMicros);
            args.addAll(ids);
            return args;
        }
    }

    /** A request of this node waiting in a queue. */
    static final class Waiter<T> {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int LEFT = 2;

        final CompletableFuture<T> result = new CompletableFuture<>();
        final String id;
        private final Supplier<T> onGrant;
        private final Supplier<RuntimeException> onTimeout;
        private TimeSource.Scheduled timer;
        private int state = WAITING;

        Waiter(String id, Supplier<T> onGrant, Supplier<RuntimeException> onTimeout) {
            this.id = id;
            this.onGrant = onGrant;
            this.onTimeout = onTimeout;
        }

        /** The one transition out of waiting; true for the caller that made it. */
        synchronized boolean finish(int outcome) {
            if (state != WAITING) {
                return false;
            }
            state = outcome;
            if (timer != null) {
                timer.cancel();
            }
            return true;
        }

        synchronized boolean isGranted() {
            return state == GRANTED;
        }

        private void complete() {
            result.complete(onGrant.get());
        }
    }
}
