package dev.patchbay.outbound.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process {@link RateLimiter}: an exact sliding log per key.
 *
 * <p><b>Why written here and not taken from a library.</b> The guarantee is "at most N starts in
 * <em>any</em> window of length W". A token bucket (Bucket4j), GCRA or a fixed window
 * (Resilience4j's {@code AtomicRateLimiter} refreshes N permits per fixed cycle) lets up to 2N−1
 * requests start within one W: a full bucket or cycle spent at the end of one period and again at
 * the start of the next. Neither library offers a sliding log. A sliding log is small: the time of
 * each of the last N starts is kept, and a start is allowed only when fewer than N lie in the window
 * ending now, so the guarantee holds by construction.
 *
 * <p><b>Shape.</b> Per key: a ring buffer of the times of starts sent and still inside the window
 * (never more than the largest N seen, grown on demand), the number of <em>pending</em> starts
 * (granted, not sent yet), a FIFO queue of waiters, and the end of an upstream pause. While budget
 * remains and nobody waits, a request is granted at once with no spacing. Excess requests queue; the
 * start time of the k-th waiter follows from the log (it is the start N places earlier plus W), so a
 * request that could not start within its wait bound is refused at once, without being counted or
 * queued. One timer per key wakes the queue when its head may start.
 *
 * <p><b>Pending starts.</b> A grant is not a send: the holder takes a connection first (see
 * {@link StartTicket}). A pending start is counted in every window until it is sent, when its time
 * joins the log, or given back, when it is dropped. Proof that this keeps the limit at the system's
 * side: take N+1 sends within one window and the last of them to be granted; at its grant each of the
 * other N was either pending or sent within the window before it, so N were counted and it could not
 * have been granted. A grant whose N-th most recent start is still pending waits for that send.
 *
 * <p><b>Safety margin.</b> A start is counted right before its request is written, and the request
 * then travels to the system; scheduling and network jitter could move two starts closer together
 * there than here. The window is therefore widened by a margin (default 5 ms) when deciding, so
 * jitter below the margin cannot turn into a violation at the system's side.
 *
 * <p><b>Limit changes</b> apply to the next decision: the limit of the latest call is the key's
 * current limit, and it governs the queue from then on. Waiters whose start slips beyond their wait
 * bound (after a pause or a lowered limit) are refused when their bound runs out.
 *
 * <p><b>Memory.</b> Keys idle for longer than their window (no start in the window, no waiter, no
 * pause) are dropped by a sweep that runs at most every {@link #SWEEP_INTERVAL}, so only active
 * instances take memory.
 */
public final class SlidingWindowLimiter implements RateLimiter {

    public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofMillis(5);
    public static final int DEFAULT_MAX_QUEUE = 10_000;
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);

    private final TimeSource time;
    private final long marginNanos;
    private final int maxQueue;
    private final ConcurrentHashMap<String, KeyState> keys = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    public SlidingWindowLimiter(TimeSource time) {
        this(time, DEFAULT_SAFETY_MARGIN, DEFAULT_MAX_QUEUE);
    }

    public SlidingWindowLimiter(TimeSource time, Duration safetyMargin, int maxQueue) {
        if (safetyMargin.isNegative()) {
            throw new IllegalArgumentException("The safety margin cannot be negative");
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("The queue bound cannot be negative");
        }
        this.time = time;
        this.marginNanos = safetyMargin.toNanos();
        this.maxQueue = maxQueue;
        this.nextSweep = new AtomicLong(time.nanos() + SWEEP_INTERVAL.toNanos());
    }

    @Override
    public StartTicket request(String key, RateLimit limit, Duration maxWait) {
        long maxWaitNanos = saturatedNanos(maxWait);
        long now = time.nanos();
        sweepIfDue(now);
        while (true) {
            KeyState state = keys.computeIfAbsent(key, k -> new KeyState());
            List<Waiter> granted;
            StartTicket ticket = null;
            RateLimitedException refused = null;
            synchronized (state) {
                if (state.retired) {
                    continue; // swept away between lookup and lock; take the fresh one
                }
                now = time.nanos();
                state.apply(limit);
                granted = pump(state, now);
                int ahead = state.queue.size();
                long startAt = projectedStart(state, now, ahead);
                if (ahead == 0 && startAt <= now) {
                    Waiter waiter = new Waiter(Long.MAX_VALUE);
                    grant(state, waiter, now);
                    waiter.started.complete(waiter.startedAt); // nobody can see it yet: safe under the lock
                    ticket = new StartTicket(waiter.started, control(state, waiter), 0, waiter.startedAt);
                } else if (ahead >= maxQueue) {
                    refused = new RateLimitedException(RateLimitedException.Reason.QUEUE_FULL, ahead + 1, time.toInstant(startAt));
                } else if (startAt - now > maxWaitNanos) {
                    refused = new RateLimitedException(RateLimitedException.Reason.WAIT_TOO_LONG, ahead + 1, time.toInstant(startAt));
                } else {
                    Waiter waiter = new Waiter(saturatedAdd(now, maxWaitNanos));
                    state.queue.addLast(waiter);
                    if (waiter.deadline < Long.MAX_VALUE / 2) {
                        waiter.deadlineTimer = time.schedule(waiter.deadline, () -> onDeadline(state, waiter));
                    }
                    armTimer(state, now);
                    ticket = new StartTicket(waiter.started, control(state, waiter), ahead + 1, time.toInstant(startAt));
                }
            }
            // Waiters granted by this call's pump learn it even when this caller is refused.
            complete(granted);
            if (refused != null) {
                throw refused;
            }
            return ticket;
        }
    }

    @Override
    public void pauseUntil(String key, Instant until) {
        long untilNanos = time.toNanos(until);
        while (true) {
            KeyState state = keys.computeIfAbsent(key, k -> new KeyState());
            synchronized (state) {
                if (state.retired) {
                    continue;
                }
                state.pausedUntil = Math.max(state.pausedUntil, untilNanos);
                // The queue's timer fires at the old time, finds the pause and re-arms for its end.
                return;
            }
        }
    }

    @Override
    public RateLimitUsage usage(String key, RateLimit limit) {
        long now = time.nanos();
        KeyState state = keys.get(key);
        if (state == null) {
            return new RateLimitUsage(0, limit.starts(), 0, time.toInstant(now), null);
        }
        synchronized (state) {
            state.apply(limit);
            int inWindow = state.pending + state.countSince(now - state.windowNanos);
            int queued = state.queue.size();
            int remaining = queued > 0 ? 0 : Math.max(0, limit.starts() - inWindow);
            Instant pausedUntil = state.pausedUntil > now ? time.toInstant(state.pausedUntil) : null;
            return new RateLimitUsage(inWindow, remaining, queued, time.toInstant(projectedStart(state, now, queued)), pausedUntil);
        }
    }

    /** Number of keys held in memory (for tests and the benchmark). */
    int trackedKeys() {
        return keys.size();
    }

    // --- decisions (all under the key's lock) ------------------------------------------------

    /** Grants every waiter whose start is due, oldest first, and arms the timer for the next one. */
    private List<Waiter> pump(KeyState state, long now) {
        state.trim(now, marginNanos);
        List<Waiter> granted = null;
        while (!state.queue.isEmpty() && nextStart(state, now) <= now) {
            Waiter waiter = state.queue.pollFirst();
            grant(state, waiter, now);
            if (granted == null) {
                granted = new ArrayList<>(2);
            }
            granted.add(waiter);
        }
        armTimer(state, now);
        return granted;
    }

    /** The waiter holds a pending start from now. */
    private void grant(KeyState state, Waiter waiter, long now) {
        waiter.state = Waiter.GRANTED;
        waiter.startedAt = time.toInstant(now);
        state.pending++;
        if (waiter.deadlineTimer != null) {
            waiter.deadlineTimer.cancel();
        }
    }

    /** The earliest moment the next start may happen (the queue's head or a newcomer to an empty queue). */
    private long nextStart(KeyState state, long now) {
        return projectedStart(state, now, 0);
    }

    /**
     * The start time of the request with {@code ahead} waiters in front of it, if everyone ahead
     * starts as early as the window allows. Start j may happen no earlier than the start N places
     * before it plus W: for the first N−size places that lies in the log, beyond it in this
     * projection itself, hence {@code t(j) = t(j mod N) + (j / N)·W}. Pending starts stand in the
     * log as if sent now: a start they hold back is due no earlier than that, and is granted only once
     * they are actually sent ({@link #sent}).
     */
    private long projectedStart(KeyState state, long now, int ahead) {
        long base = Math.max(now, state.pausedUntil);
        long span = state.windowNanos + marginNanos;
        int n = state.starts;
        int first = ahead % n;
        long rounds = ahead / n;
        int logIndex = state.size + state.pending + first - n;
        long counted = logIndex < 0 ? Long.MIN_VALUE : logIndex < state.size ? state.at(logIndex) : now;
        long t = logIndex >= 0 ? Math.max(base, counted + span) : base;
        return saturatedAdd(t, rounds * span);
    }

    private void armTimer(KeyState state, long now) {
        if (state.queue.isEmpty()) {
            return;
        }
        long at = nextStart(state, now);
        if (state.timer != null && state.timerAt <= at) {
            return; // an earlier or equal wake-up is already set; it re-arms if needed
        }
        if (state.timer != null) {
            state.timer.cancel();
        }
        state.timerAt = at;
        state.timer = time.schedule(at, () -> onTimer(state));
    }

    private void onTimer(KeyState state) {
        List<Waiter> granted;
        synchronized (state) {
            state.timer = null;
            state.timerAt = Long.MAX_VALUE;
            if (state.retired) {
                return;
            }
            granted = pump(state, time.nanos());
        }
        complete(granted);
    }

    private void onDeadline(KeyState state, Waiter waiter) {
        List<Waiter> granted;
        RateLimitedException refused = null;
        synchronized (state) {
            long now = time.nanos();
            granted = pump(state, now); // a start due right now wins over the deadline
            if (waiter.state == Waiter.WAITING) {
                int index = indexOf(state.queue, waiter);
                state.queue.remove(waiter);
                waiter.state = Waiter.REFUSED;
                refused = new RateLimitedException(RateLimitedException.Reason.WAIT_EXPIRED, index + 1,
                        time.toInstant(projectedStart(state, now, index)));
                armTimer(state, now);
            }
        }
        complete(granted);
        if (refused != null) {
            waiter.started.completeExceptionally(refused);
        }
    }

    private StartTicket.Control control(KeyState state, Waiter waiter) {
        return new StartTicket.Control() {
            @Override
            public void sent() {
                SlidingWindowLimiter.this.sent(state, waiter);
            }

            @Override
            public boolean withdraw() {
                return SlidingWindowLimiter.this.withdraw(state, waiter);
            }
        };
    }

    /** A pending start is sent: its time joins the log, and the queue's head may now know when it is due. */
    private void sent(KeyState state, Waiter waiter) {
        List<Waiter> granted;
        synchronized (state) {
            if (waiter.state != Waiter.GRANTED) {
                return;
            }
            long now = time.nanos();
            waiter.state = Waiter.SENT;
            state.pending--;
            state.trim(now, marginNanos);
            state.record(now);
            granted = pump(state, now);
        }
        complete(granted);
    }

    /** Leaves the queue, or gives back a pending start (nothing was written), which frees it for the next. */
    private boolean withdraw(KeyState state, Waiter waiter) {
        List<Waiter> granted = null;
        synchronized (state) {
            if (waiter.state == Waiter.GRANTED) {
                waiter.state = Waiter.CANCELLED;
                state.pending--;
                granted = pump(state, time.nanos());
            } else if (waiter.state == Waiter.WAITING) {
                state.queue.remove(waiter);
                waiter.state = Waiter.CANCELLED;
                if (waiter.deadlineTimer != null) {
                    waiter.deadlineTimer.cancel();
                }
            } else {
                return false;
            }
        }
        complete(granted);
        waiter.started.completeExceptionally(new CancellationException("Left the queue before starting"));
        return true;
    }

    /** Completes outside the lock, so nothing a caller chained on the future runs while we hold it. */
    private static void complete(List<Waiter> granted) {
        if (granted != null) {
            for (Waiter waiter : granted) {
                waiter.started.complete(waiter.startedAt);
            }
        }
    }

    // --- memory ---------------------------------------------------------------------------------

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL.toNanos())) {
            return;
        }
        for (Iterator<KeyState> it = keys.values().iterator(); it.hasNext(); ) {
            KeyState state = it.next();
            synchronized (state) {
                if (state.isIdle(now, marginNanos)) {
                    state.retired = true;
                    it.remove();
                }
            }
        }
    }

    private static int indexOf(ArrayDeque<Waiter> queue, Waiter waiter) {
        int i = 0;
        for (Waiter w : queue) {
            if (w == waiter) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static long saturatedNanos(Duration duration) {
        if (duration == null || duration.isNegative()) {
            return 0;
        }
        try {
            return Math.min(duration.toNanos(), Long.MAX_VALUE / 2);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE / 2 : Math.min(sum, Long.MAX_VALUE / 2);
    }

    /** One waiting request. Its state changes only under its key's lock. */
    private static final class Waiter {
        static final int WAITING = 0;
        static final int GRANTED = 1; // holds a pending start
        static final int SENT = 2;
        static final int CANCELLED = 3;
        static final int REFUSED = 4;

        final CompletableFuture<Instant> started = new CompletableFuture<>();
        Instant startedAt;
        final long deadline;
        int state = WAITING;
        TimeSource.Scheduled deadlineTimer;

        Waiter(long deadline) {
            this.deadline = deadline;
        }
    }

    /** One key's log, queue and pause. Guarded by its own monitor. */
    private static final class KeyState {
        private long[] log = new long[4]; // ring buffer of start times, oldest at head; grows up to the limit
        private int head;
        int size;
        int pending; // granted, not sent: counted in every window
        int starts = 1;
        long windowNanos = 1;
        long pausedUntil = Long.MIN_VALUE / 2;
        final ArrayDeque<Waiter> queue = new ArrayDeque<>(0);
        TimeSource.Scheduled timer;
        long timerAt = Long.MAX_VALUE;
        boolean retired;

        void apply(RateLimit limit) {
            starts = limit.starts();
            windowNanos = limit.window().toNanos();
        }

        long at(int index) {
            return log[slot(index)];
        }

        /** Position of the index-th oldest start; the buffer's length is exact, not a power of two. */
        private int slot(int index) {
            int slot = head + index;
            return slot >= log.length ? slot - log.length : slot;
        }

        /** Called for a pending start, so fewer than {@code starts} others lie in the window: the buffer never exceeds the limit. */
        void record(long now) {
            if (size == log.length) {
                resize(Math.max(size + 1, Math.min(log.length * 2, starts)));
            }
            log[slot(size)] = now;
            size++;
        }

        /** Drops starts that no longer count: at or before now − (W + margin). */
        void trim(long now, long marginNanos) {
            long horizon = now - windowNanos - marginNanos;
            while (size > 0 && log[head] - horizon <= 0) {
                head = slot(1);
                size--;
            }
            // After a lowered limit has drained the log, give back what the new limit does not need.
            int needed = Math.max(4, Math.max(starts, size));
            if (log.length > 2 * needed) {
                resize(needed);
            }
        }

        int countSince(long from) {
            int count = 0;
            for (int i = size - 1; i >= 0 && at(i) - from > 0; i--) {
                count++;
            }
            return count;
        }

        boolean isIdle(long now, long marginNanos) {
            trim(now, marginNanos);
            return size == 0 && pending == 0 && queue.isEmpty() && timer == null && pausedUntil - now <= 0;
        }


        private void resize(int capacity) {
            long[] next = new long[capacity];
            for (int i = 0; i < size; i++) {
                next[i] = at(i);
            }
            log = next;
            head = 0;
        }
    }
}
