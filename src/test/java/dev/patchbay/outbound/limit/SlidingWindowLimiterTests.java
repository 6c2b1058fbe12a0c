package dev.patchbay.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The exact sliding window on a virtual clock: every start time below is exact, nothing sleeps. */
class SlidingWindowLimiterTests {

    private static final Duration MARGIN = Duration.ofMillis(5);
    private static final RateLimit TEN_PER_SECOND = new RateLimit(10, Duration.ofSeconds(1));
    private static final Duration LONG_WAIT = Duration.ofMinutes(5);

    private final ManualTime time = new ManualTime();
    private final SlidingWindowLimiter log = new SlidingWindowLimiter(time, MARGIN, 10_000);
    private final RateLimiter limiter = new SendingAtOnce(log);

    @Test
    void aBurstWithinTheLimitStartsAtOnce() {
        for (int i = 0; i < 10; i++) {
            StartTicket ticket = limiter.request("instance-1", TEN_PER_SECOND, Duration.ZERO);
            assertThat(ticket.isGranted()).isTrue();
            assertThat(ticket.queuePosition()).isZero();
        }
        assertThat(limiter.usage("instance-1", TEN_PER_SECOND))
                .isEqualTo(new RateLimitUsage(10, 0, 0, ManualTime.EPOCH.plus(Duration.ofSeconds(1)).plus(MARGIN), null));
    }

    @Test
    void aBurstOfSixTimesTheLimitNeverExceedsItInAnyWindowAndFinishesInFiveWindows() {
        List<Integer> order = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int id = i;
            limiter.request("instance-1", TEN_PER_SECOND, LONG_WAIT).whenGranted().thenAccept(at -> {
                order.add(id);
                starts.add(ManualTime.nanosOf(at));
            });
        }
        time.runAll();

        assertThat(order).hasSize(60).isSorted();
        assertAtMostInAnyWindow(starts, 10, Duration.ofSeconds(1));
        // Ten start at once, then ten each time the window slides past the previous ten.
        long span = Duration.ofSeconds(1).plus(MARGIN).toNanos();
        for (int i = 0; i < 60; i++) {
            assertThat(starts.get(i)).as("start %d", i).isEqualTo((i / 10) * span);
        }
    }

    @Test
    void waitersStartInArrivalOrderAsSoonAsTheWindowAllows() {
        RateLimit twoPerSecond = new RateLimit(2, Duration.ofSeconds(1));
        limiter.request("instance-1", twoPerSecond, Duration.ZERO);
        time.advance(Duration.ofMillis(300));
        limiter.request("instance-1", twoPerSecond, Duration.ZERO);
        List<String> started = new ArrayList<>();
        StartTicket a = limiter.request("instance-1", twoPerSecond, LONG_WAIT);
        StartTicket b = limiter.request("instance-1", twoPerSecond, LONG_WAIT);
        StartTicket c = limiter.request("instance-1", twoPerSecond, LONG_WAIT);
        a.whenGranted().thenRun(() -> started.add("a"));
        b.whenGranted().thenRun(() -> started.add("b"));
        c.whenGranted().thenRun(() -> started.add("c"));
        assertThat(List.of(a.queuePosition(), b.queuePosition(), c.queuePosition())).containsExactly(1, 2, 3);
        assertThat(a.expectedStart()).isEqualTo(ManualTime.EPOCH.plusMillis(1005));
        assertThat(b.expectedStart()).isEqualTo(ManualTime.EPOCH.plusMillis(1305));
        assertThat(c.expectedStart()).isEqualTo(ManualTime.EPOCH.plusMillis(2010));

        time.advanceTo(Duration.ofMillis(1004).toNanos());
        assertThat(started).isEmpty();
        time.advanceTo(Duration.ofMillis(1005).toNanos());
        assertThat(started).containsExactly("a");
        time.advanceTo(Duration.ofMillis(1305).toNanos());
        assertThat(started).containsExactly("a", "b");
        time.advanceTo(Duration.ofMillis(2010).toNanos());
        assertThat(started).containsExactly("a", "b", "c");
    }

    @Test
    void aRequestThatCannotStartWithinItsWaitIsRefusedAtOnceWithoutBeingCountedOrQueued() {
        RateLimit twoPerSecond = new RateLimit(2, Duration.ofSeconds(1));
        limiter.request("instance-1", twoPerSecond, Duration.ZERO);
        limiter.request("instance-1", twoPerSecond, Duration.ZERO);
        StartTicket queued = limiter.request("instance-1", twoPerSecond, Duration.ofSeconds(2));

        assertThatThrownBy(() -> limiter.request("instance-1", twoPerSecond, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(RateLimitedException.Reason.WAIT_TOO_LONG);
                    assertThat(refused.queuePosition()).isEqualTo(2);
                    assertThat(refused.earliestStart()).isEqualTo(ManualTime.EPOCH.plusMillis(1005));
                });
        assertThat(limiter.usage("instance-1", twoPerSecond).queued()).isEqualTo(1);

        time.advance(Duration.ofMillis(1005));
        assertThat(queued.isGranted()).isTrue();
        // The refused request took no budget: one more may start at once in the new window.
        assertThat(limiter.request("instance-1", twoPerSecond, Duration.ZERO).isGranted()).isTrue();
        assertThat(limiter.usage("instance-1", twoPerSecond).startedInWindow()).isEqualTo(2);
    }

    @Test
    void aCancelledWaiterLeavesTheQueueNeverStartsAndTheNextMovesUp() {
        RateLimit onePerSecond = new RateLimit(1, Duration.ofSeconds(1));
        limiter.request("instance-1", onePerSecond, Duration.ZERO);
        StartTicket a = limiter.request("instance-1", onePerSecond, LONG_WAIT);
        StartTicket b = limiter.request("instance-1", onePerSecond, LONG_WAIT);

        assertThat(a.cancel()).isTrue();
        assertThat(a.cancel()).isFalse();
        assertThat(limiter.usage("instance-1", onePerSecond).queued()).isEqualTo(1);

        time.advance(Duration.ofMillis(1005));
        assertThat(b.isGranted()).isTrue();
        assertThat(a.isGranted()).isFalse();
        assertThatThrownBy(() -> a.await()).isInstanceOf(CancellationException.class);
        assertThat(b.cancel()).as("a request sent cannot be cancelled").isFalse();
        assertThat(limiter.usage("instance-1", onePerSecond).startedInWindow()).isEqualTo(1);
    }

    @Test
    void theQueueIsBoundedAndTheRequestBeyondItIsRefusedAtOnce() {
        RateLimiter small = new SendingAtOnce(new SlidingWindowLimiter(time, MARGIN, 3));
        RateLimit onePerSecond = new RateLimit(1, Duration.ofSeconds(1));
        small.request("instance-1", onePerSecond, LONG_WAIT);
        for (int i = 0; i < 3; i++) {
            small.request("instance-1", onePerSecond, LONG_WAIT);
        }
        assertThatThrownBy(() -> small.request("instance-1", onePerSecond, LONG_WAIT))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(RateLimitedException.Reason.QUEUE_FULL);
                    assertThat(refused.queuePosition()).isEqualTo(4);
                    assertThat(refused.earliestStart()).isEqualTo(ManualTime.EPOCH.plusMillis(4 * 1005));
                });
        // Another instance has its own queue.
        assertThat(small.request("instance-2", onePerSecond, LONG_WAIT).isGranted()).isTrue();
    }

    @Test
    void aChangedLimitAppliesToTheNextRequest() {
        RateLimit fivePerSecond = new RateLimit(5, Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            limiter.request("instance-1", fivePerSecond, Duration.ZERO);
        }
        assertThatThrownBy(() -> limiter.request("instance-1", fivePerSecond, Duration.ZERO))
                .isInstanceOf(RateLimitedException.class);

        // Raised: the next request starts at once.
        assertThat(limiter.request("instance-1", TEN_PER_SECOND, Duration.ZERO).isGranted()).isTrue();

        // Lowered below what already started: the next request waits until only two remain in the window.
        time.advance(Duration.ofMillis(100));
        RateLimit threePerSecond = new RateLimit(3, Duration.ofSeconds(1));
        StartTicket next = limiter.request("instance-1", threePerSecond, LONG_WAIT);
        assertThat(next.isGranted()).isFalse();
        assertThat(next.expectedStart()).isEqualTo(ManualTime.EPOCH.plusMillis(1005));
    }

    @Test
    void anUpstreamPauseHoldsEveryStartOfTheInstanceUntilItEnds() {
        UpstreamPause pause = new UpstreamPause(limiter, time.clock());
        RateLimit onePerSecond = new RateLimit(1, Duration.ofSeconds(1));
        limiter.request("instance-1", onePerSecond, Duration.ZERO);
        StartTicket queuedBefore = limiter.request("instance-1", onePerSecond, LONG_WAIT);

        assertThat(pause.onResponse("instance-1", 429, "3")).contains(ManualTime.EPOCH.plusSeconds(3));
        StartTicket other = limiter.request("instance-2", onePerSecond, Duration.ZERO);
        assertThat(other.isGranted()).as("only the paused instance waits").isTrue();

        time.advance(Duration.ofMillis(2999));
        assertThat(queuedBefore.isGranted()).isFalse();
        assertThat(limiter.usage("instance-1", onePerSecond).pausedUntil()).isEqualTo(ManualTime.EPOCH.plusSeconds(3));
        time.advance(Duration.ofMillis(1));
        assertThat(queuedBefore.isGranted()).isTrue();
    }

    @Test
    void aPauseRefusesANewRequestThatCannotWaitForItsEndAndExpiresAQueuedOneAtItsBound() {
        limiter.pauseUntil("instance-1", ManualTime.EPOCH.plusSeconds(10));
        assertThatThrownBy(() -> limiter.request("instance-1", TEN_PER_SECOND, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> {
                    assertThat(refused.queuePosition()).isEqualTo(1);
                    assertThat(refused.earliestStart()).isEqualTo(ManualTime.EPOCH.plusSeconds(10));
                });

        StartTicket patient = limiter.request("instance-1", TEN_PER_SECOND, Duration.ofSeconds(10));
        StartTicket bounded = limiter.request("instance-1", TEN_PER_SECOND, Duration.ofSeconds(30));
        limiter.pauseUntil("instance-1", ManualTime.EPOCH.plusSeconds(20)); // a second 429 extends it
        limiter.pauseUntil("instance-1", ManualTime.EPOCH.plusSeconds(15)); // and a shorter one does not shorten it

        time.advance(Duration.ofSeconds(10));
        assertThatThrownBy(patient::await).isInstanceOfSatisfying(RateLimitedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RateLimitedException.Reason.WAIT_EXPIRED);
            assertThat(refused.queuePosition()).isEqualTo(1);
            assertThat(refused.earliestStart()).isEqualTo(ManualTime.EPOCH.plusSeconds(20));
        });
        time.advance(Duration.ofSeconds(10));
        assertThat(bounded.isGranted()).isTrue();
        assertThat(limiter.usage("instance-1", TEN_PER_SECOND).startedInWindow()).isEqualTo(1);
    }

    @Test
    void aWaiterWhoseStartIsDueAtItsDeadlineStarts() {
        RateLimit onePerSecond = new RateLimit(1, Duration.ofSeconds(1));
        limiter.request("instance-1", onePerSecond, Duration.ZERO);
        StartTicket exact = limiter.request("instance-1", onePerSecond, Duration.ofMillis(1005));
        time.advance(Duration.ofSeconds(2));
        assertThat(exact.isGranted()).isTrue();
    }

    @Test
    void idleInstancesAreForgottenOnceTheirWindowHasPassed() {
        for (int i = 0; i < 1000; i++) {
            limiter.request("instance-" + i, TEN_PER_SECOND, Duration.ZERO);
        }
        limiter.request("busy", new RateLimit(1, Duration.ofHours(1)), Duration.ZERO);
        assertThat(log.trackedKeys()).isEqualTo(1001);

        time.advance(SlidingWindowLimiter.SWEEP_INTERVAL);
        limiter.request("instance-0", TEN_PER_SECOND, Duration.ZERO); // triggers the sweep

        assertThat(log.trackedKeys()).as("the hour-long window and the fresh start stay").isEqualTo(2);
        assertThat(limiter.usage("busy", new RateLimit(1, Duration.ofHours(1))).startedInWindow()).isEqualTo(1);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCapped() {
        Instant now = ManualTime.EPOCH;
        assertThat(UpstreamPause.retryAfter("120", now)).contains(now.plusSeconds(120));
        assertThat(UpstreamPause.retryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).contains(now.plusSeconds(30));
        assertThat(UpstreamPause.retryAfter("soon", now)).isEmpty();
        assertThat(UpstreamPause.retryAfter(null, now)).isEmpty();

        UpstreamPause pause = new UpstreamPause(limiter, time.clock(), Duration.ofMinutes(10));
        assertThat(pause.onResponse("instance-1", 503, "99999999999999999999")).contains(now.plus(Duration.ofMinutes(10)));
        assertThat(pause.onResponse("instance-2", 500, "30")).isEmpty();
        assertThat(pause.onResponse("instance-2", 429, null)).isEmpty();
        assertThat(pause.onResponse("instance-2", 429, "Wed, 31 Dec 2025 23:00:00 GMT")).as("already past").isEmpty();
    }

    @Test
    void decisionsMatchANaiveSlidingLogWhateverTheLimitsAndTimingsAre() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        Duration window = Duration.ofMillis(100);
        long span = window.plus(MARGIN).toNanos();
        List<Long> model = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            time.advance(Duration.ofNanos(random.nextLong(span / 10)));
            RateLimit limit = new RateLimit(1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8), window);
            long now = time.nanos();
            long inWindow = model.stream().filter(t -> t > now - span).count();
            boolean expected = inWindow < limit.starts();
            boolean started;
            try {
                started = limiter.request("instance-1", limit, Duration.ZERO).isGranted();
            } catch (RateLimitedException refused) {
                started = false;
            }
            assertThat(started).as("decision %d (limit %d, %d in window)", i, limit.starts(), inWindow).isEqualTo(expected);
            if (started) {
                model.add(now);
            }
        }
    }

    @Test
    void aGrantNotSentYetHoldsItsStartInEveryWindowUntilItIsSent() {
        RateLimit onePerSecond = new RateLimit(1, Duration.ofSeconds(1));
        StartTicket connecting = log.request("instance-1", onePerSecond, Duration.ZERO);
        assertThat(connecting.isGranted()).isTrue();

        time.advance(Duration.ofSeconds(5)); // a connection that takes its time
        assertThat(log.usage("instance-1", onePerSecond).startedInWindow()).isEqualTo(1);
        StartTicket next = log.request("instance-1", onePerSecond, LONG_WAIT);
        time.advance(Duration.ofSeconds(5));
        assertThat(next.isGranted()).as("the pending start is not yet at the system: no window is known to be free").isFalse();

        connecting.sent(); // at 10 s
        time.advance(Duration.ofMillis(1004));
        assertThat(next.isGranted()).isFalse();
        time.advance(Duration.ofMillis(1));
        assertThat(next.isGranted()).as("one window (and the margin) after the send, not after the grant").isTrue();
        assertThat(time.nanos()).isEqualTo(Duration.ofMillis(11_005).toNanos());
    }

    @Test
    void aStartCountsFromItsSendSoStartsSentLateCannotBunchAtTheSystem() {
        RateLimit twoPerSecond = new RateLimit(2, Duration.ofSeconds(1));
        StartTicket slow = log.request("instance-1", twoPerSecond, Duration.ZERO);
        StartTicket quick = log.request("instance-1", twoPerSecond, Duration.ZERO);
        quick.sent();
        time.advance(Duration.ofMillis(400));
        slow.sent(); // it took 400 ms to connect
        List<Long> sends = new ArrayList<>(List.of(0L, time.nanos()));
        for (int i = 0; i < 4; i++) {
            StartTicket ticket = log.request("instance-1", twoPerSecond, LONG_WAIT);
            ticket.whenGranted().thenRun(() -> {
                ticket.sent();
                sends.add(time.nanos());
            });
        }
        time.runAll();

        assertAtMostInAnyWindow(sends, 2, Duration.ofSeconds(1));
        assertThat(sends.subList(2, 6)).containsExactly(Duration.ofMillis(1005).toNanos(), Duration.ofMillis(1405).toNanos(),
                Duration.ofMillis(2010).toNanos(), Duration.ofMillis(2410).toNanos());
    }

    @Test
    void aGrantGivenBackUnsentFreesItsStartForTheNextAtOnce() {
        RateLimit onePerSecond = new RateLimit(1, Duration.ofSeconds(1));
        StartTicket failedToConnect = log.request("instance-1", onePerSecond, Duration.ZERO);
        StartTicket next = log.request("instance-1", onePerSecond, LONG_WAIT);
        assertThat(next.isGranted()).isFalse();

        assertThat(failedToConnect.cancel()).isTrue();
        assertThat(next.isGranted()).as("nothing reached the system, so its start goes to the next").isTrue();
        assertThatThrownBy(failedToConnect::sent).isInstanceOf(IllegalStateException.class);
        next.sent();
        assertThat(log.usage("instance-1", onePerSecond).startedInWindow()).isEqualTo(1);
        assertThat(next.cancel()).as("a request sent cannot give its start back").isFalse();
    }

    /** Every window of length {@code window} (half-open) holds at most {@code limit} of {@code starts}. */
    static void assertAtMostInAnyWindow(List<Long> starts, int limit, Duration window) {
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 0; i + limit < sorted.size(); i++) {
            assertThat(sorted.get(i + limit) - sorted.get(i))
                    .as("starts %d and %d lie in one window", i, i + limit)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }
}
