package dev.patchbay.outbound.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A virtual clock for the limiters: time stands still until a test advances it, and timers due on
 * the way run in time order on the test's thread, with the clock set to their due time. Tests of
 * waiting are then exact and never sleep.
 */
final class ManualTime implements TimeSource {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private record Timer(long at, long seq, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized Instant instant() {
        return EPOCH.plusNanos(now);
    }

    @Override
    public synchronized Scheduled schedule(long atNanos, Runnable task) {
        Timer timer = new Timer(atNanos, seq++, task);
        timers.add(timer);
        return () -> {
            synchronized (this) {
                timers.remove(timer);
            }
        };
    }

    /** Moves time forward by {@code step}, running every timer due on the way. */
    void advance(Duration step) {
        advanceTo(nanos() + step.toNanos());
    }

    /** Runs timers until none is left (the queue has drained). */
    void runAll() {
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.poll();
                if (next == null) {
                    return;
                }
                now = Math.max(now, next.at);
            }
            next.task.run();
        }
    }

    void advanceTo(long target) {
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.at > target) {
                    now = Math.max(now, target);
                    return;
                }
                timers.poll();
                now = Math.max(now, next.at);
            }
            next.task.run();
        }
    }

    /** A wall clock that reads this virtual time, for {@link UpstreamPause}. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return ManualTime.this.instant();
            }
        };
    }

    /** Nanoseconds since this clock's start of an instant it reported. */
    static long nanosOf(Instant at) {
        return Duration.between(EPOCH, at).toNanos();
    }
}
