package dev.patchbay.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.support.EmbeddedRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis rate limiter as two nodes see it: two limiters, each with its own connection, over one
 * real Redis. Exactness is checked on the grant and send times (Redis time mapped to this JVM's clock);
 * the safety margin of the tests (100 ms) covers the mapping's error of one round trip, so windows are
 * checked at their full length. The tests of the sliding log itself send every grant at once
 * ({@link SendingAtOnce}); the tests of pending starts send later, or never. Nothing asserts how long
 * anything took; a wait bound is at most an upper bound a slow machine cannot break.
 */
class RedisRateLimiterTests {

    private static final Duration MARGIN = Duration.ofMillis(100);
    private static final Duration LEASE = Duration.ofMillis(900);

    private SystemTimeSource time;
    private String prefix;
    private final List<AutoCloseable> open = new ArrayList<>();
    private RedisRateLimiter nodeA;
    private RedisRateLimiter nodeB;
    private final String key = "instance-1";

    @BeforeEach
    void start() {
        time = new SystemTimeSource(Clock.systemUTC());
        prefix = EmbeddedRedis.freshPrefix();
        nodeA = node(10_000);
        nodeB = node(10_000);
    }

    private RedisRateLimiter node(int maxQueue) {
        LimitsRedis redis = new LimitsRedis(EmbeddedRedis.url(), prefix, Duration.ofSeconds(5));
        RedisRateLimiter limiter = new RedisRateLimiter(redis, time, MARGIN, maxQueue, LEASE);
        open.add(limiter);
        open.add(redis);
        return limiter;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        time.close();
    }

    @Test
    void shouldStartABurstWithinTheLimitAtOnceAndNeverMoreThanTheLimitInAnyWindowAcrossNodes() throws Exception {
        RateLimit limit = new RateLimit(4, Duration.ofMillis(400));
        RateLimiter sendingA = new SendingAtOnce(nodeA);
        RateLimiter sendingB = new SendingAtOnce(nodeB);
        List<StartTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tickets.add((i % 2 == 0 ? sendingA : sendingB).request(key, limit, Duration.ofSeconds(30)));
        }

        assertThat(tickets.subList(0, 4)).as("within the limit: at once, no spacing").allSatisfy(t -> assertThat(t.isGranted()).isTrue());
        assertThat(tickets.subList(4, 16)).allSatisfy(t -> assertThat(t.queuePosition()).isPositive());
        List<Instant> starts = new ArrayList<>();
        for (StartTicket ticket : tickets) {
            starts.add(ticket.await());
        }
        for (int i = 0; i + 4 < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i), starts.get(i + 4)))
                    .as("the 5th start counted from start " + i + " lies outside its window")
                    .isGreaterThanOrEqualTo(limit.window());
        }
    }

    @Test
    void shouldStartWaitersInTheOrderTheyAskedWhicheverNodeTheyAskedOn() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(150));
        RateLimiter sendingA = new SendingAtOnce(nodeA);
        RateLimiter sendingB = new SendingAtOnce(nodeB);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<StartTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            StartTicket ticket = (i % 2 == 0 ? sendingB : sendingA).request(key, limit, Duration.ofSeconds(30));
            ticket.whenGranted().thenRun(() -> order.add(n));
            tickets.add(ticket);
        }
        for (StartTicket ticket : tickets) {
            ticket.await();
        }

        assertThat(tickets.get(5).queuePosition()).isEqualTo(5);
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void shouldRefuseAtOnceWithoutQueueingWhenTheGrantLiesBeyondTheWait() {
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1));
        assertThat(nodeA.request(key, limit, Duration.ZERO).isGranted()).isTrue();

        assertThatThrownBy(() -> nodeB.request(key, limit, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RateLimitedException.Reason.WAIT_TOO_LONG);
                    assertThat(e.queuePosition()).isEqualTo(1);
                    assertThat(e.earliestStart()).isAfter(Instant.now().plusSeconds(50));
                });
        RateLimitUsage usage = nodeA.usage(key, limit);
        assertThat(usage.startedInWindow()).isEqualTo(1);
        assertThat(usage.queued()).as("nothing was queued for the refused request").isZero();
        assertThat(usage.remaining()).isZero();
    }

    @Test
    void shouldRefuseAtOnceWhenTheQueueIsAtItsBoundOnEveryNode() {
        RedisRateLimiter bounded = node(2);
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1));
        nodeA.request(key, limit, Duration.ZERO);
        StartTicket second = nodeA.request(key, limit, Duration.ofMinutes(5));
        StartTicket third = nodeA.request(key, limit, Duration.ofMinutes(5));

        assertThatThrownBy(() -> bounded.request(key, limit, Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RateLimitedException.Reason.QUEUE_FULL);
                    assertThat(e.queuePosition()).isEqualTo(3);
                });
        assertThat(nodeB.usage(key, limit).queued()).isEqualTo(2);
        assertThat(second.cancel()).isTrue();
        assertThat(third.cancel()).isTrue();
    }

    @Test
    void shouldWithdrawThePlaceOfACallerThatLeavesSoThatTheNextMovesUp() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1));
        nodeA.request(key, limit, Duration.ZERO);
        StartTicket leaving = nodeA.request(key, limit, Duration.ofMinutes(5));
        assertThat(leaving.queuePosition()).isEqualTo(1);

        assertThat(leaving.cancel()).isTrue();
        assertThat(leaving.cancel()).as("leaves once").isFalse();
        assertThatThrownBy(leaving::await).isInstanceOf(CancellationException.class);
        assertThat(nodeB.usage(key, limit).queued()).isZero();
        StartTicket next = nodeB.request(key, limit, Duration.ofMinutes(5));
        assertThat(next.queuePosition()).as("takes the place that was left").isEqualTo(1);
        assertThat(next.cancel()).isTrue();
    }

    @Test
    void shouldHoldBackNewAndAlreadyQueuedStartsOnEveryNodeWhileAnotherNodePaused() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(200));
        RateLimiter sendingA = new SendingAtOnce(nodeA);
        assertThat(sendingA.request(key, limit, Duration.ZERO).isGranted()).isTrue();
        StartTicket queued = sendingA.request(key, limit, Duration.ofSeconds(30));
        Instant pauseEnd = Instant.now().plusSeconds(1);

        nodeB.pauseUntil(key, pauseEnd);
        StartTicket later = sendingA.request(key, limit, Duration.ofSeconds(30));

        RateLimitUsage usage = nodeA.usage(key, limit);
        assertThat(usage.pausedUntil()).as("the pause is shared").isNotNull();
        assertThat(later.isGranted()).isFalse();
        Instant queuedStart = queued.await();
        Instant laterStart = later.await();
        // Instants mapped from Redis time on different answers differ by up to a round trip: allow 50 ms.
        assertThat(queuedStart).as("a waiter queued before the pause is granted after it")
                .isAfterOrEqualTo(usage.pausedUntil().minusMillis(50));
        assertThat(Duration.between(queuedStart, laterStart)).as("spacing kept").isGreaterThanOrEqualTo(limit.window());
    }

    @Test
    void shouldRefuseAWaiterWhosePauseMovesItsStartBeyondItsWait() {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(300));
        RateLimiter sendingA = new SendingAtOnce(nodeA);
        sendingA.request(key, limit, Duration.ZERO);
        StartTicket queued = sendingA.request(key, limit, Duration.ofSeconds(2));

        nodeB.pauseUntil(key, Instant.now().plusSeconds(30));

        assertThatThrownBy(queued::await).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.reason()).isEqualTo(RateLimitedException.Reason.WAIT_EXPIRED));
        assertThat(nodeB.usage(key, limit).queued()).as("its place was withdrawn").isZero();
    }

    @Test
    void shouldReportTheSameUsageFromEveryNode() {
        RateLimit limit = new RateLimit(3, Duration.ofMinutes(1));
        nodeA.request(key, limit, Duration.ZERO);
        nodeB.request(key, limit, Duration.ZERO);

        RateLimitUsage fromA = nodeA.usage(key, limit);
        RateLimitUsage fromB = nodeB.usage(key, limit);

        assertThat(fromA.startedInWindow()).isEqualTo(2);
        assertThat(fromB.startedInWindow()).isEqualTo(2);
        assertThat(fromB.remaining()).isEqualTo(1);
        assertThat(fromB.queued()).isZero();
        assertThat(fromB.pausedUntil()).isNull();
        assertThat(nodeA.usage("idle-instance", limit).startedInWindow()).isZero();
    }

    @Test
    void aGrantNotSentYetHoldsItsStartOnTheOtherNodeUntilItIsSent() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(200));
        StartTicket pending = nodeA.request(key, limit, Duration.ZERO);
        assertThat(pending.isGranted()).isTrue();
        StartTicket next = nodeB.request(key, limit, Duration.ofSeconds(30));

        Thread.sleep(3 * (limit.window().toMillis() + MARGIN.toMillis())); // three windows; the heartbeat renews the lease
        assertThat(next.isGranted()).as("a pending start counts in every window").isFalse();
        assertThat(nodeB.usage(key, limit).startedInWindow()).isEqualTo(1);

        Instant sentAt = Instant.now();
        pending.sent();
        Instant granted = next.await();
        assertThat(Duration.between(sentAt, granted)).as("granted once the start sent left its window")
                .isGreaterThanOrEqualTo(limit.window());
        next.cancel();
    }

    @Test
    void aStartCountsFromItsSendNotFromItsGrant() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(300));
        StartTicket first = nodeA.request(key, limit, Duration.ZERO);
        Instant grantedAt = first.await();
        Thread.sleep(limit.window().toMillis() + MARGIN.toMillis() + 100); // connecting took longer than a window
        Instant sentAt = Instant.now();
        first.sent();

        StartTicket second = nodeB.request(key, limit, Duration.ofSeconds(30));
        assertThat(second.isGranted()).as("the window runs from the send, so it is still full").isFalse();
        Instant secondGranted = second.await();
        second.sent();

        assertThat(Duration.between(grantedAt, sentAt)).isGreaterThan(limit.window());
        assertThat(Duration.between(sentAt, secondGranted)).isGreaterThanOrEqualTo(limit.window());
    }

    @Test
    void aGrantGivenBackUnsentFreesItsStartForAWaiterOnTheOtherNode() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMinutes(1));
        StartTicket given = nodeA.request(key, limit, Duration.ZERO);
        Instant givenAt = given.await();
        StartTicket next = nodeB.request(key, limit, Duration.ofMinutes(2));
        assertThat(next.queuePosition()).isEqualTo(1);

        assertThat(given.cancel()).isTrue();

        assertThat(next.await()).as("woken by the give-back, not by the window sliding")
                .isBefore(givenAt.plus(limit.window()));
        assertThat(given.cancel()).as("given back once").isFalse();
        assertThatThrownBy(given::sent).isInstanceOf(IllegalStateException.class);
        RateLimitUsage usage = nodeA.usage(key, limit);
        assertThat(usage.startedInWindow()).as("only the waiter's start is held").isEqualTo(1);
        assertThat(usage.queued()).isZero();
        next.sent();
    }

    @Test
    void aWaiterWhoseBoundRunsOutWhileAStartIsPendingIsRefusedWithNothingCounted() {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(200));
        StartTicket pending = nodeA.request(key, limit, Duration.ZERO);
        StartTicket waiting = nodeB.request(key, limit, Duration.ofSeconds(1));
        assertThat(waiting.isGranted()).as("projected to start within its bound, if the pending one were sent").isFalse();

        assertThatThrownBy(waiting::await).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.reason()).isEqualTo(RateLimitedException.Reason.WAIT_EXPIRED));
        RateLimitUsage usage = nodeA.usage(key, limit);
        assertThat(usage.startedInWindow()).as("only the pending start").isEqualTo(1);
        assertThat(usage.queued()).as("the refused waiter left the queue").isZero();
        assertThat(waiting.cancel()).isFalse();
        assertThat(pending.cancel()).isTrue();
    }

    @Test
    void aGrantIsNotMadeWhileAnotherNodesPauseRunsEvenWithStartsFree() throws Exception {
        RateLimit limit = new RateLimit(5, Duration.ofMillis(200));
        nodeB.pauseUntil(key, Instant.now().plusMillis(800));
        nodeB.pauseUntil(key, Instant.now().plusMillis(100)); // a shorter pause never shortens the longer one

        StartTicket ticket = nodeA.request(key, limit, Duration.ofSeconds(30));
        RateLimitUsage usage = nodeA.usage(key, limit);

        assertThat(ticket.isGranted()).isFalse();
        assertThat(usage.pausedUntil()).isNotNull();
        Instant granted = ticket.await();
        assertThat(granted).isAfterOrEqualTo(usage.pausedUntil().minusMillis(50));
        ticket.sent();
    }

    @Test
    void aPendingStartOfANodeThatDiedComesBackAfterItsLease() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(200));
        RedisRateLimiter dying = node(10_000);
        StartTicket neverSent = dying.request(key, limit, Duration.ZERO);
        assertThat(neverSent.isGranted()).isTrue();
        StartTicket waiting = nodeA.request(key, limit, Duration.ofSeconds(30));

        dying.close(); // its heartbeat stops, as when the node dies: the start is neither sent nor given back

        waiting.await();
        waiting.sent();
        RateLimitUsage usage = nodeB.usage(key, limit);
        assertThat(usage.startedInWindow()).as("the dead node's start no longer counts").isEqualTo(1);
        assertThat(usage.queued()).isZero();
    }

    @Test
    void shouldLetIdleInstancesTakeNoMemoryInRedis() throws Exception {
        RateLimit limit = new RateLimit(2, Duration.ofMillis(50));
        new SendingAtOnce(nodeA).request(key, limit, Duration.ZERO).await();
        StartTicket given = nodeB.request(key, limit, Duration.ZERO);
        given.cancel();

        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(EmbeddedRedis.url().toString());
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + ":*");
            assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(connection.sync().pttl(k))
                    .as(k + " expires").isPositive().isLessThanOrEqualTo(LEASE.toMillis() + 1000 + 200));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aNodeForgetsTheInstancesItNoLongerServesAndServesThemAgainWhenAsked() throws Exception {
        RateLimit limit = new RateLimit(10, Duration.ofMillis(200));
        for (int i = 0; i < 50; i++) {
            nodeA.request("idle-" + i, limit, Duration.ZERO).sent();
        }
        assertThat(nodeA.knownInstances()).isEqualTo(50);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (nodeA.knownInstances() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // the heartbeat forgets them once idle for four leases
        }

        assertThat(nodeA.knownInstances()).as("views of idle instances dropped").isZero();
        StartTicket again = nodeA.request("idle-0", limit, Duration.ZERO);
        assertThat(again.isGranted()).isTrue();
        again.sent();
        assertThat(nodeA.usage("idle-0", limit).startedInWindow()).isEqualTo(1);
    }
}