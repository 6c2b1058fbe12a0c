package dev.patchbay.outbound.limit;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time: {@link System#nanoTime()} for decisions and one daemon thread for timers. Timers never
 * fire early on the nanoTime scale (the executor measures delays with it), and a timer that fires
 * late only delays a start, never adds one: every decision re-reads the clock.
 */
public final class SystemTimeSource implements TimeSource, AutoCloseable {

    private final Clock clock;
    private final ScheduledThreadPoolExecutor timers;

    public SystemTimeSource(Clock clock) {
        this.clock = clock;
        this.timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "patchbay-limits");
            thread.setDaemon(true);
            return thread;
        });
        // Waiters that leave early cancel their timers; do not keep them in the queue until they expire.
        timers.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public Scheduled schedule(long atNanos, Runnable task) {
        long delay = Math.max(0, atNanos - System.nanoTime());
        var future = timers.schedule(task, delay, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
