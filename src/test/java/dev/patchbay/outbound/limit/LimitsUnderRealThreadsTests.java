package dev.patchbay.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same guarantees with real time and many threads racing for one instance. Assertions are on
 * counts and on the log of counted starts, never on how long anything took.
 */
class LimitsUnderRealThreadsTests {

    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    private final SystemTimeSource system = new SystemTimeSource(Clock.systemUTC());
    /** Real time, with instants derived from the nanosecond counter so the start log is exact. */
    private final TimeSource time = new TimeSource() {
        @Override
        public long nanos() {
            return system.nanos();
        }

        @Override
        public Instant instant() {
            return toInstant(nanos());
        }

        @Override
        public Instant toInstant(long atNanos) {
            return ORIGIN.plusNanos(atNanos);
        }

        @Override
        public Scheduled schedule(long atNanos, Runnable task) {
            return system.schedule(atNanos, task);
        }
    };
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        system.close();
    }

    @Test
    void manyThreadsNeverExceedTheLimitInAnyWindow() throws Exception {
        RateLimiter limiter = new SendingAtOnce(new SlidingWindowLimiter(time, Duration.ofMillis(5), 10_000));
        RateLimit tenPer200ms = new RateLimit(10, Duration.ofMillis(200));
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        AtomicInteger startedBeforeReturn = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            done.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < 5; i++) {
                    Instant startedAt = limiter.acquire("instance-1", tenPer200ms, Duration.ofMinutes(1));
                    long counted = Duration.between(ORIGIN, startedAt).toNanos();
                    starts.add(counted);
                    if (time.nanos() >= counted) {
                        startedBeforeReturn.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }

        assertThat(starts).hasSize(80);
        assertThat(startedBeforeReturn).hasValue(80);
        SlidingWindowLimiterTests.assertAtMostInAnyWindow(new ArrayList<>(starts), 10, Duration.ofMillis(200));
        assertThat(limiter.usage("instance-1", tenPer200ms).queued()).isZero();
    }

    @Test
    void waitersThatGiveUpOrAreRefusedTakeNoBudget() throws Exception {
        RateLimiter limiter = new SendingAtOnce(new SlidingWindowLimiter(time, Duration.ofMillis(5), 10_000));
        RateLimit tenPer200ms = new RateLimit(10, Duration.ofMillis(200));
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < 5; i++) {
                    try {
                        // Some callers accept almost no wait, some leave the queue right after joining.
                        Duration maxWait = thread % 4 == 0 ? Duration.ofMillis(1) : Duration.ofMinutes(1);
                        StartTicket ticket = limiter.request("instance-1", tenPer200ms, maxWait);
                        if (thread % 4 == 1 && ticket.cancel()) {
                            cancelled.incrementAndGet();
                            continue;
                        }
                        starts.add(Duration.between(ORIGIN, ticket.await()).toNanos());
                    } catch (RateLimitedException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }

        assertThat(starts.size() + refused.get() + cancelled.get()).isEqualTo(80);
        SlidingWindowLimiterTests.assertAtMostInAnyWindow(new ArrayList<>(starts), 10, Duration.ofMillis(200));
        RateLimitUsage usage = limiter.usage("instance-1", tenPer200ms);
        assertThat(usage.queued()).isZero();
        assertThat(usage.startedInWindow()).isLessThanOrEqualTo(10);
    }

    @Test
    void manyThreadsNeverHoldMoreSlotsThanThePoolAllows() throws Exception {
        InProcessPool pool = new InProcessPool(time);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            String instance = "instance-" + (t % 2); // two instances assigned to one pool
            done.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    try (PoolSlot slot = pool.acquire("pool-1", 3, Duration.ofMinutes(1))) {
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.yield();
                        inFlight.decrementAndGet();
                        completed.incrementAndGet();
                    }
                }
                return instance;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }

        assertThat(completed).hasValue(240);
        assertThat(most.get()).isBetween(1, 3);
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(0, 0));
    }
}
