package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RateLimiter} of several nodes: the exact sliding log of {@link SlidingWindowLimiter},
 * kept in Redis as a pool of N <em>start slots</em> per instance and changed only by atomic Lua scripts.
 *
 * <p><b>Model.</b> Let S = span = window + safety margin. A start holds one of the N slots from its grant
 * until one span after it was sent, or until it is given back unsent. A slot's score in Redis is the
 * moment it frees: one span after the send for a sent start; while pending (granted, not sent), its lease
 * end + S, renewed by its node's heartbeat. Every script first drops the slots whose score has passed
 * (that is the window sliding), and a grant is made only while fewer than N slots are held and no pause
 * runs. This is the sliding log with pending starts: the scores of sent starts are the log (each plus S),
 * the pending slots are the starts counted in every window until they are sent.
 *
 * <p><b>Proof</b> (at most N sends in any window shorter than S, in Redis time): take N+1 sends in one such
 * window and the last of them to be granted. At its grant each of the other N was either pending (its
 * slot held since its grant) or sent within the window before it, so its slot, which frees one span after
 * the send, was still held; N slots were held and it could not have been granted. A send is stamped by the
 * "rate-sent" script, which runs after the request was handed to its connection's write (never before),
 * so each stamp is no earlier than its send and the slot frees no earlier than one span after it. The
 * margin covers what the way to the system adds (scheduling, network jitter), as in one node.
 *
 * <p><b>Dead nodes.</b> A pending start is renewed by its node; a node that dies stops renewing, and its
 * pending slot frees at its last lease end + S: the latest moment it could have been sent, plus a span.
 * So the slot comes back after at most one lease (plus the window), and never while an unsent-but-maybe-sent
 * start could still share a window with a new one. A sent start is never renewed and never given back early.
 *
 * <p><b>Order and waiting</b> are {@link RedisSlotQueues}' (shared with {@link RedisConcurrencyPool}): a FIFO
 * queue numbered on arrival, the first free slots owed to the first waiters whichever node they wait on,
 * wake-ups by pub/sub when a slot is given back or a start is sent (its slot then frees earlier than its
 * lease said), and a claim timed at the next slot's expiry or the pause's end, which the claim script
 * answers. A request is refused at once when the queue is full, or when its projected grant lies beyond its
 * wait: the N slots free at now (free), now + S (pending, if sent at once) or their score (sent); sorted,
 * the k-th waiter takes the (k mod N)-th of them, one span later per round, never before the pause ends
 * (the projection of {@link SlidingWindowLimiter}). A waiter whose bound runs out first is refused by a
 * timer on its node and leaves the queue.
 *
 * <p><b>Time.</b> Decisions use Redis's {@code TIME} only, so the nodes' clocks play no part. A Redis moment
 * is mapped to this node's clock as (local time the answer arrived) + (moment − Redis now of the answer):
 * never earlier than the Redis moment (the script ran before its answer arrived), at most a round trip
 * later. This times the next claim and reports instants (grants, projections, the pause's end).
 *
 * <p><b>Memory.</b> Every key expires a lease + a span after its last change, so an idle instance takes
 * nothing in Redis; this node keeps its waiters and the starts it renews.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private static final LuaScript ACQUIRE = new LuaScript("rate-acquire.lua");
    private static final LuaScript SENT = new LuaScript("rate-sent.lua");
    private static final LuaScript PAUSE = new LuaScript("rate-pause.lua");
    private static final LuaScript USAGE = new LuaScript("rate-usage.lua");

    private static final int GRANTED = 1;
    private static final int QUEUED = 2;
    private static final int BEYOND_WAIT = 3;
    private static final int QUEUE_FULL = 4;

    private final LimitsRedis redis;
    private final TimeSource time;
    private final long marginMicros;
    private final int maxQueue;
    private final RedisSlotQueues slots;

    /**
     * @param leaseTime how long a pending start (and a place in the queue) lasts without its node's
     *     heartbeat: the pending starts of a node that died come back after it, plus one span
     */
    public RedisRateLimiter(LimitsRedis redis, TimeSource time, Duration safetyMargin, int maxQueue, Duration leaseTime) {
        if (safetyMargin.isNegative()) {
            throw new IllegalArgumentException("The safety margin cannot be negative");
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("The queue bound cannot be negative");
        }
        this.redis = redis;
        this.time = time;
        this.marginMicros = micros(safetyMargin);
        this.maxQueue = maxQueue;
        this.slots = new RedisSlotQueues(redis, time, leaseTime, "rate",
                List.of("slots", "queue", "waiters", "arrivals", "pending", "pause"));
    }

    @Override
    public StartTicket request(String key, RateLimit limit, Duration maxWait) {
        long deadline = saturatedAdd(time.nanos(), nanos(maxWait));
        long span = span(limit);
        RedisSlotQueues.Queue queue = slots.queue(key);
        queue.configure(limit.starts(), span);
        String id = slots.newId();
        Answer answer = answer(redis.call(ACQUIRE, queue.keys, id, String.valueOf(limit.starts()), slots.leaseMicros(),
                String.valueOf(span), String.valueOf(micros(maxWait)), String.valueOf(maxQueue)));
        int position = (int) answer.ahead() + 1;
        Instant projected = answer.instant(answer.start());
        switch (answer.status()) {
            case GRANTED -> {
                slots.hold(queue, id);
                Instant now = answer.instant(answer.now());
                return new StartTicket(CompletableFuture.completedFuture(now), new Pending(queue, id, span, null), 0, now);
            }
            case QUEUED -> {
                RedisSlotQueues.Waiter<Instant> waiter = slots.await(queue, id, deadline, time::instant,
                        () -> new RateLimitedException(RateLimitedException.Reason.WAIT_EXPIRED, 1, time.instant()));
                return new StartTicket(waiter.result, new Pending(queue, id, span, waiter), position, projected);
            }
            case QUEUE_FULL -> throw new RateLimitedException(RateLimitedException.Reason.QUEUE_FULL, position, projected);
            default -> throw new RateLimitedException(RateLimitedException.Reason.WAIT_TOO_LONG, position, projected);
        }
    }

    /** Instances this node keeps a view of (for tests): the idle ones are forgotten. */
    int knownInstances() {
        return slots.knownQueues();
    }

    @Override
    public void pauseUntil(String key, Instant until) {
        long length = micros(Duration.between(time.instant(), until));
        if (length > 0) {
            redis.call(PAUSE, new String[] {slots.queue(key).keys[5]}, String.valueOf(length));
        }
    }

    @Override
    public RateLimitUsage usage(String key, RateLimit limit) {
        RedisSlotQueues.Queue queue = slots.queue(key);
        queue.configure(limit.starts(), span(limit));
        List<Object> reply = redis.call(USAGE, queue.keys, String.valueOf(limit.starts()), String.valueOf(span(limit)));
        long localNanos = time.nanos();
        Instant localNow = time.toInstant(localNanos);
        long now = number(reply, 4);
        int held = (int) number(reply, 0);
        int queued = (int) number(reply, 1);
        long pause = number(reply, 3);
        int remaining = queued > 0 ? 0 : Math.max(0, limit.starts() - held);
        return new RateLimitUsage(held, remaining, queued, localNow.plusNanos((number(reply, 2) - now) * 1000),
                pause > now ? localNow.plusNanos((pause - now) * 1000) : null);
    }

    /** Stops the heartbeat: this node's pending starts then come back one lease (plus a span) later. */
    @Override
    public void close() {
        slots.close();
    }

    private long span(RateLimit limit) {
        return saturatedAdd(micros(limit.window()), marginMicros);
    }

    /** A ticket's start: queued ({@code waiter} set) or granted, then sent or given back. */
    private final class Pending implements StartTicket.Control {
        private final RedisSlotQueues.Queue queue;
        private final String id;
        private final long span;
        private final RedisSlotQueues.Waiter<Instant> waiter;

        Pending(RedisSlotQueues.Queue queue, String id, long span, RedisSlotQueues.Waiter<Instant> waiter) {
            this.queue = queue;
            this.id = id;
            this.span = span;
            this.waiter = waiter;
        }

        /** Stamps the send in Redis without waiting: the request is written meanwhile, and the stamp comes after it. */
        @Override
        public void sent() {
            slots.letGo(queue, id);
            redis.run(SENT, queue.keys, id, String.valueOf(span), slots.channel(), queue.id).whenComplete((reply, failure) -> {
                if (failure != null) {
                    // Its slot stays held until its lease end + span: the limit holds, the next start waits longer.
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    log.warn("Could not stamp a sent start ({}); its slot frees when its lease runs out",
                            cause.getClass().getSimpleName());
                } else if (number(reply, 0) == 0) {
                    log.warn("A start was sent after its slot's lease had run out (was this node's heartbeat stalled?)");
                }
            });
        }

        @Override
        public boolean withdraw() {
            if (waiter != null && slots.leave(queue, waiter, new CancellationException("Left the queue before starting"))) {
                return true;
            }
            if (waiter != null && !waiter.isGranted()) {
                return false; // refused: its place is gone already
            }
            slots.giveBack(queue, id);
            return true;
        }
    }

    private Answer answer(List<Object> reply) {
        long arrived = time.nanos();
        return new Answer((int) number(reply, 0), number(reply, 1), number(reply, 2), number(reply, 3), time.toInstant(arrived));
    }

    /**
     * rate-acquire's answer: status, the projected grant and Redis's now (µs), the waiters ahead, and the
     * local moment it arrived, which ties the two clocks together for this answer.
     */
    private record Answer(int status, long start, long now, long ahead, Instant arrivedAt) {

        /** The local moment of a Redis time: never earlier than it (the script ran before the answer arrived). */
        Instant instant(long redisMicros) {
            return arrivedAt.plusNanos((redisMicros - now) * 1000);
        }
    }

    private static long number(List<Object> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static long micros(Duration duration) {
        if (duration == null || duration.isNegative()) {
            return 0;
        }
        try {
            return Math.min(duration.toNanos() / 1000, Long.MAX_VALUE / 4_000);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4_000;
        }
    }

    private static long nanos(Duration duration) {
        return micros(duration) * 1000;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE / 2 : Math.min(sum, Long.MAX_VALUE / 2);
    }
}
