package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RateLimiter} of several nodes: the exact sliding log of {@link SlidingWindowLimiter},
 * kept in Redis as a log of <em>reservations</em> per instance and changed only by atomic Lua scripts.
 *
 * <p><b>Invariant.</b> The log is a sorted set of start times, past and future, in Redis time (the
 * server's {@code TIME}, so the nodes' clocks play no part). Let S = span = window + safety margin.
 * Every window of length below S holds at most N of the log's times. A new request reserves
 * {@code start = max(now, pause end, last reservation, N-th most recent reservation + S)}: a window
 * that contains it holds only reservations later than the N-th most recent minus nothing, i.e. at most
 * N−1 others, so the invariant holds after the append; and since starts only grow, the order of
 * reservation is the order of start (FIFO across every node). A reservation is refused, and nothing
 * is written, when that start lies beyond the caller's wait or the queue (reservations not yet due)
 * is at its bound. Removing a time never breaks the invariant, so a caller that leaves simply
 * withdraws its reservation, and times older than now − S are trimmed (they cannot share a window
 * with any start to come).
 *
 * <p><b>Time.</b> Each script answers Redis's {@code now} with the start; the node sends at
 * {@code (local time of the answer) + (start − now)}, which is never earlier than the reserved start
 * (the script ran before the answer arrived), and at most one round trip later. Lateness of one
 * start relative to another (round trip, timers, scheduling) is what the safety margin covers, as in
 * the single-node limiter.
 *
 * <p><b>Pauses.</b> An upstream 429/503 sets the pause end and moves every reservation not yet due
 * back by one shift, so that the first starts at the end of the pause: spacing and order stay, and
 * the distance to starts already made only grows. A waiter therefore confirms on waking ("rate-confirm"):
 * still due, it starts; moved, it sleeps again; moved beyond its wait, it withdraws and is refused.
 * A start that was due before the pause was set is not recalled (it may be on its way already).
 *
 * <p><b>Memory.</b> The log expires one window after its last reservation; an idle instance takes
 * nothing in Redis, and this node keeps only its own waiters.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private static final LuaScript RESERVE = new LuaScript("rate-reserve.lua");
    private static final LuaScript CONFIRM = new LuaScript("rate-confirm.lua");
    private static final LuaScript PAUSE = new LuaScript("rate-pause.lua");
    private static final LuaScript USAGE = new LuaScript("rate-usage.lua");

    private static final int RESERVED = 1;
    private static final int BEYOND_WAIT = 2;
    private static final int QUEUE_FULL = 3;
    private static final int GONE = 0;
    private static final int START = 1;
    private static final int MOVED = 4;

    private static final StartTicket.Control COUNTED_AT_GRANT = new StartTicket.Control() {
        @Override
        public void sent() {}

        @Override
        public boolean withdraw() {
            return false;
        }
    };

    private final LimitsRedis redis;
    private final TimeSource time;
    private final long marginMicros;
    private final int maxQueue;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong ids = new AtomicLong();

    public RedisRateLimiter(LimitsRedis redis, TimeSource time, Duration safetyMargin, int maxQueue) {
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
    }

    @Override
    public StartTicket request(String key, RateLimit limit, Duration maxWait) {
        long deadline = saturatedAdd(time.nanos(), nanos(maxWait));
        String id = node + ":" + ids.incrementAndGet();
        Answer answer = answer(redis.call(RESERVE, keys(key), id, String.valueOf(limit.starts()),
                String.valueOf(span(limit)), String.valueOf(micros(maxWait)), String.valueOf(maxQueue)));
        int position = (int) answer.extra() + 1;
        switch (answer.status()) {
            case QUEUE_FULL -> throw new RateLimitedException(RateLimitedException.Reason.QUEUE_FULL, position,
                    answer.instant(answer.start()));
            case BEYOND_WAIT -> throw new RateLimitedException(RateLimitedException.Reason.WAIT_TOO_LONG, position,
                    answer.instant(answer.start()));
            default -> {
                if (answer.start() <= answer.now()) {
                    return new StartTicket(CompletableFuture.completedFuture(answer.instant(answer.now())), COUNTED_AT_GRANT, 0,
                            answer.instant(answer.now()));
                }
                Waiter waiter = new Waiter(key, id, limit, deadline);
                waiter.sleepUntil(answer.localNanos(answer.start()));
                return new StartTicket(waiter.started, new StartTicket.Control() {
                    @Override
                    public void sent() {}

                    @Override
                    public boolean withdraw() {
                        return waiter.cancel();
                    }
                }, position, answer.instant(answer.start()));
            }
        }
    }

    @Override
    public void pauseUntil(String key, Instant until) {
        long length = micros(Duration.between(time.instant(), until));
        if (length > 0) {
            redis.call(PAUSE, keys(key), String.valueOf(length));
        }
    }

    @Override
    public RateLimitUsage usage(String key, RateLimit limit) {
        List<Object> reply = redis.call(USAGE, keys(key), String.valueOf(limit.starts()), String.valueOf(span(limit)),
                String.valueOf(micros(limit.window())));
        long localNanos = time.nanos();
        Instant localNow = time.toInstant(localNanos);
        long now = number(reply, 4);
        int started = (int) number(reply, 0);
        int queued = (int) number(reply, 1);
        long pause = number(reply, 3);
        int remaining = queued > 0 ? 0 : Math.max(0, limit.starts() - started);
        return new RateLimitUsage(started, remaining, queued, localNow.plusNanos((number(reply, 2) - now) * 1000),
                pause > now ? localNow.plusNanos((pause - now) * 1000) : null);
    }

    private String[] keys(String key) {
        return new String[] {redis.key("rate", key, "log"), redis.key("rate", key, "pause")};
    }

    private long span(RateLimit limit) {
        return saturatedAdd(micros(limit.window()), marginMicros);
    }

    private Answer answer(List<Object> reply) {
        long arrived = time.nanos();
        return new Answer((int) number(reply, 0), number(reply, 1), number(reply, 2), reply.size() > 3 ? number(reply, 3) : 0,
                arrived, time.toInstant(arrived));
    }

    /**
     * A script's answer: status, a start and Redis's now (µs), one more number, and the local
     * {@link TimeSource#nanos()} when it arrived, which ties the two clocks together for this answer.
     */
    private record Answer(int status, long start, long now, long extra, long arrivedNanos, Instant arrivedAt) {

        /** The local moment of a Redis time: never earlier than it (the script ran before the answer arrived). */
        long localNanos(long redisMicros) {
            return arrivedNanos + (redisMicros - now) * 1000;
        }

        Instant instant(long redisMicros) {
            return arrivedAt.plusNanos((redisMicros - now) * 1000);
        }
    }

    /** A request of this node waiting for its reserved start. Its state changes under its own lock. */
    private final class Waiter {
        private static final int WAITING = 0;
        private static final int DONE = 1;

        final CompletableFuture<Instant> started = new CompletableFuture<>();
        private final String key;
        private final String id;
        private final RateLimit limit;
        private final long deadline;
        private int state = WAITING;
        private TimeSource.Scheduled timer;

        Waiter(String key, String id, RateLimit limit, long deadline) {
            this.key = key;
            this.id = id;
            this.limit = limit;
            this.deadline = deadline;
        }

        synchronized void sleepUntil(long atNanos) {
            if (state == WAITING) {
                timer = time.schedule(atNanos, this::wake);
            }
        }

        /** At the reserved start: ask Redis whether it still stands (a pause may have moved it). */
        private void wake() {
            synchronized (this) {
                if (state != WAITING) {
                    return;
                }
            }
            long left = Math.max(0, (deadline - time.nanos()) / 1000);
            redis.runOnIoThread(CONFIRM, keys(key), id, String.valueOf(left)).whenComplete((reply, failure) -> {
                if (failure != null) {
                    withdraw(new LimitsUnavailableException(failure));
                    return;
                }
                Answer answer = answer(reply);
                switch (answer.status()) {
                    case START -> start(answer.instant(answer.start())); // the moment counted in the log
                    case MOVED -> sleepUntil(answer.localNanos(answer.start()));
                    case GONE -> reserveAgain(left);
                    default -> finish(expired(answer.instant(answer.start())));
                }
            });
        }

        /** Its reservation was trimmed (this node woke a whole window late): it queues again at the end. */
        private void reserveAgain(long leftMicros) {
            redis.runOnIoThread(RESERVE, keys(key), id, String.valueOf(limit.starts()), String.valueOf(span(limit)),
                    String.valueOf(leftMicros), String.valueOf(maxQueue)).whenComplete((reply, failure) -> {
                if (failure != null) {
                    withdraw(new LimitsUnavailableException(failure));
                    return;
                }
                Answer answer = answer(reply);
                if (answer.status() != RESERVED) {
                    finish(expired(answer.instant(answer.start())));
                } else if (answer.start() <= answer.now()) {
                    start(answer.instant(answer.now()));
                } else {
                    sleepUntil(answer.localNanos(answer.start()));
                }
            });
        }

        private RateLimitedException expired(Instant earliest) {
            return new RateLimitedException(RateLimitedException.Reason.WAIT_EXPIRED, 1, earliest);
        }

        private void start(Instant at) {
            synchronized (this) {
                if (state != WAITING) {
                    return; // cancelled meanwhile: its reservation is withdrawn and nothing is sent
                }
                state = DONE;
            }
            started.complete(at);
        }

        /** Ends the wait with {@code failure}; the reservation is already gone. */
        private void finish(RuntimeException failure) {
            synchronized (this) {
                if (state != WAITING) {
                    return;
                }
                state = DONE;
            }
            started.completeExceptionally(failure);
        }

        /** Ends the wait with {@code failure} and withdraws the reservation (best effort: a hole never breaks the limit). */
        private void withdraw(RuntimeException failure) {
            finish(failure);
            remove();
        }

        boolean cancel() {
            synchronized (this) {
                if (state != WAITING) {
                    return false;
                }
                state = DONE;
                if (timer != null) {
                    timer.cancel();
                }
            }
            remove();
            started.completeExceptionally(new CancellationException("Left the queue before starting"));
            return true;
        }

        private void remove() {
            redis.remove(keys(key)[0], id).whenComplete((removed, failure) -> {
                if (failure != null) {
                    log.warn("Could not withdraw a rate-limit reservation ({}); it expires with its log",
                            failure.getClass().getSimpleName());
                }
            });
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
