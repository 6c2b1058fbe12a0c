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
 * real Redis. Exactness is checked on the start times the limiter granted (Redis time mapped to this
 * JVM's clock); the safety margin of the tests (100 ms) covers the mapping's error of one round trip,
 * so windows are checked at their full length. Nothing asserts how long anything took.
 */
class RedisRateLimiterTests {

    private static final Duration MARGIN = Duration.ofMillis(100);

    private SystemTimeSource time;
    private LimitsRedis redisA;
    private LimitsRedis redisB;
    private RedisRateLimiter nodeA;
    private RedisRateLimiter nodeB;
    private final String key = "instance-1";

    @BeforeEach
    void start() {
        time = new SystemTimeSource(Clock.systemUTC());
        String prefix = EmbeddedRedis.freshPrefix();
        redisA = new LimitsRedis(EmbeddedRedis.url(), prefix, Duration.ofSeconds(5));
        redisB = new LimitsRedis(EmbeddedRedis.url(), prefix, Duration.ofSeconds(5));
        nodeA = new RedisRateLimiter(redisA, time, MARGIN, 10_000);
        nodeB = new RedisRateLimiter(redisB, time, MARGIN, 10_000);
    }

    @AfterEach
    void stop() {
        redisA.close();
        redisB.close();
        time.close();
    }

    @Test
    void shouldStartABurstWithinTheLimitAtOnceAndNeverMoreThanTheLimitInAnyWindowAcrossNodes() throws Exception {
        RateLimit limit = new RateLimit(4, Duration.ofMillis(400));
        List<StartTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tickets.add((i % 2 == 0 ? nodeA : nodeB).request(key, limit, Duration.ofSeconds(30)));
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
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<StartTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            StartTicket ticket = (i % 2 == 0 ? nodeB : nodeA).request(key, limit, Duration.ofSeconds(30));
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
    void shouldRefuseAtOnceWithoutReservingWhenTheStartLiesBeyondTheWait() {
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
        assertThat(usage.queued()).as("nothing was reserved for the refused request").isZero();
        assertThat(usage.remaining()).isZero();
    }

    @Test
    void shouldRefuseAtOnceWhenTheQueueIsAtItsBoundOnEveryNode() {
        RedisRateLimiter bounded = new RedisRateLimiter(redisB, time, MARGIN, 2);
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
    void shouldWithdrawTheReservationOfACallerThatLeavesSoThatTheNextMovesUp() throws Exception {
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
        assertThat(nodeA.request(key, limit, Duration.ZERO).isGranted()).isTrue();
        StartTicket queued = nodeA.request(key, limit, Duration.ofSeconds(30));
        Instant pauseEnd = Instant.now().plusSeconds(1);

        nodeB.pauseUntil(key, pauseEnd);
        StartTicket later = nodeA.request(key, limit, Duration.ofSeconds(30));

        RateLimitUsage usage = nodeA.usage(key, limit);
        assertThat(usage.pausedUntil()).as("the pause is shared").isNotNull();
        assertThat(later.isGranted()).isFalse();
        Instant queuedStart = queued.await();
        Instant laterStart = later.await();
        // Instants mapped from Redis time on different answers differ by up to a round trip: allow 50 ms.
        assertThat(queuedStart).as("a reservation made before the pause moved behind it")
                .isAfterOrEqualTo(usage.pausedUntil().minusMillis(50));
        assertThat(Duration.between(queuedStart, laterStart)).as("spacing kept").isGreaterThanOrEqualTo(limit.window());
    }

    @Test
    void shouldRefuseAWaiterWhosePauseMovesItsStartBeyondItsWait() {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(300));
        nodeA.request(key, limit, Duration.ZERO);
        StartTicket queued = nodeA.request(key, limit, Duration.ofSeconds(2));

        nodeB.pauseUntil(key, Instant.now().plusSeconds(30));

        assertThatThrownBy(queued::await).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.reason()).isEqualTo(RateLimitedException.Reason.WAIT_EXPIRED));
        assertThat(nodeB.usage(key, limit).queued()).as("its reservation was withdrawn").isZero();
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
}
