package dev.patchbay.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.support.EmbeddedRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis connection pool as two nodes see it: two pools, each with its own connection, over one
 * real Redis. Counts and order only; the one bound on time is an upper bound on a wait that a slow
 * machine cannot break (a released slot reaches its waiter well within the waiter's timeout).
 */
class RedisConcurrencyPoolTests {

    private static final Duration LEASE = Duration.ofMillis(900);
    private static final Duration LONG = Duration.ofSeconds(60);

    private SystemTimeSource time;
    private String prefix;
    private final List<AutoCloseable> open = new ArrayList<>();
    private RedisConcurrencyPool nodeA;
    private RedisConcurrencyPool nodeB;

    @BeforeEach
    void start() {
        time = new SystemTimeSource(Clock.systemUTC());
        prefix = EmbeddedRedis.freshPrefix();
        nodeA = node();
        nodeB = node();
    }

    private RedisConcurrencyPool node() {
        LimitsRedis redis = new LimitsRedis(EmbeddedRedis.url(), prefix, Duration.ofSeconds(5));
        RedisConcurrencyPool pool = new RedisConcurrencyPool(redis, time, LEASE);
        open.add(redis);
        open.add(pool);
        return pool;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        time.close();
    }

    @Test
    void shouldKeepTheLimitAcrossNodesAndHandAFreedSlotToAWaiterOnAnotherNode() throws Exception {
        PoolSlot first = nodeA.acquire("p", 2, LONG);
        PoolSlot second = nodeB.acquire("p", 2, LONG);
        SlotRequest third = nodeA.request("p", 2, LONG);

        assertThat(third.whenAcquired().toCompletableFuture().isDone()).isFalse();
        assertThat(nodeB.usage("p")).isEqualTo(new PoolUsage(2, 1));
        second.close();

        PoolSlot handed = third.whenAcquired().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(nodeA.usage("p")).isEqualTo(new PoolUsage(2, 0));
        handed.close();
        first.close();
        assertThat(eventually(() -> nodeB.usage("p"), new PoolUsage(0, 0))).isEqualTo(new PoolUsage(0, 0));
    }

    @Test
    void shouldGrantWaitersInTheOrderTheyAskedWhicheverNodeTheyWaitOn() throws Exception {
        PoolSlot holder = nodeA.acquire("p", 1, LONG);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> turns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "w" + i;
            SlotRequest request = (i % 2 == 0 ? nodeB : nodeA).request("p", 1, LONG);
            // Each holds its slot only long enough to log its turn; the test waits for the logging itself,
            // not only the grant, so that the last turn is in the list before it is read.
            turns.add(request.whenAcquired().thenAccept(slot -> {
                order.add(name);
                slot.close();
            }).toCompletableFuture());
        }
        holder.close();

        for (CompletableFuture<Void> turn : turns) {
            turn.get(30, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("w0", "w1", "w2", "w3", "w4");
    }

    @Test
    void shouldTimeOutAWaiterAndTakeItOutOfTheQueue() throws Exception {
        PoolSlot holder = nodeA.acquire("p", 1, LONG);

        assertThatThrownBy(() -> nodeB.acquire("p", 1, Duration.ofMillis(300))).isInstanceOf(PoolTimeoutException.class);
        assertThatThrownBy(() -> nodeB.request("p", 1, Duration.ZERO)).as("no wait: refused at once")
                .isInstanceOf(PoolTimeoutException.class);
        assertThat(eventually(() -> nodeA.usage("p"), new PoolUsage(1, 0))).isEqualTo(new PoolUsage(1, 0));
        holder.close();
    }

    @Test
    void shouldLetACallerLeaveTheQueueWithoutLeakingASlot() throws Exception {
        PoolSlot holder = nodeA.acquire("p", 1, LONG);
        SlotRequest leaving = nodeB.request("p", 1, LONG);

        assertThat(leaving.cancel()).isTrue();
        assertThatThrownBy(() -> leaving.whenAcquired().toCompletableFuture().join()).hasCauseInstanceOf(CancellationException.class);
        holder.close();

        PoolSlot next = nodeB.acquire("p", 1, Duration.ofSeconds(30));
        assertThat(nodeA.usage("p")).isEqualTo(new PoolUsage(1, 0));
        next.close();
    }

    @Test
    void shouldCountAReleaseOnceHoweverOftenTheSlotIsClosed() throws Exception {
        PoolSlot first = nodeA.acquire("p", 2, LONG);
        PoolSlot second = nodeB.acquire("p", 2, LONG);

        first.close();
        first.close();
        first.close();

        assertThat(eventually(() -> nodeA.usage("p"), new PoolUsage(1, 0))).isEqualTo(new PoolUsage(1, 0));
        second.close();
    }

    @Test
    void shouldKeepASlotWhoseHolderRenewsItPastItsLease() throws Exception {
        PoolSlot held = nodeA.acquire("p", 1, LONG);

        Thread.sleep(3 * LEASE.toMillis());

        assertThat(nodeB.usage("p").inFlight()).as("the heartbeat renewed it").isEqualTo(1);
        assertThatThrownBy(() -> nodeB.request("p", 1, Duration.ZERO)).isInstanceOf(PoolTimeoutException.class);
        held.close();
    }

    @Test
    void shouldGiveTheSlotsOfANodeThatDiedToTheWaitersOfTheOthers() throws Exception {
        RedisConcurrencyPool dying = node();
        PoolSlot neverReleased = dying.acquire("p", 1, LONG);
        SlotRequest waiting = nodeA.request("p", 1, LONG);
        assertThat(nodeA.usage("p")).isEqualTo(new PoolUsage(1, 1));

        dying.close(); // its heartbeat stops, as when the node dies; the slot is never given back

        PoolSlot inherited = waiting.whenAcquired().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(nodeB.usage("p")).isEqualTo(new PoolUsage(1, 0));
        assertThat(neverReleased.isReleased()).isFalse();
        inherited.close();
    }

    /** Reads until {@code expected} or 10 s (a release is given back without waiting for Redis's answer). */
    private static PoolUsage eventually(java.util.function.Supplier<PoolUsage> read, PoolUsage expected) throws InterruptedException {
        PoolUsage last = read.get();
        for (int i = 0; i < 200 && !last.equals(expected); i++) {
            Thread.sleep(50);
            last = read.get();
        }
        return last;
    }
}
