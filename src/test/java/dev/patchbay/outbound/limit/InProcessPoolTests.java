package dev.patchbay.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connection pool's cap on requests in flight, on a virtual clock. */
class InProcessPoolTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ManualTime time = new ManualTime();
    private final InProcessPool pool = new InProcessPool(time);

    @Test
    void atMostTheLimitIsInFlightAcrossEveryInstanceOfThePoolAndWaitersGoInOrder() {
        // Two instances share pool-1: the pool does not care which instance asks.
        PoolSlot a1 = pool.request("pool-1", 2, TIMEOUT).whenAcquired().toCompletableFuture().join();
        PoolSlot b1 = pool.request("pool-1", 2, TIMEOUT).whenAcquired().toCompletableFuture().join();
        List<String> granted = new ArrayList<>();
        SlotRequest a2 = pool.request("pool-1", 2, TIMEOUT);
        SlotRequest b2 = pool.request("pool-1", 2, TIMEOUT);
        a2.whenAcquired().thenRun(() -> granted.add("a2"));
        b2.whenAcquired().thenRun(() -> granted.add("b2"));
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(2, 2));
        assertThat(pool.usage("pool-2")).isEqualTo(new PoolUsage(0, 0));

        b1.close();
        assertThat(granted).containsExactly("a2");
        a1.close();
        assertThat(granted).containsExactly("a2", "b2");
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(2, 0));
    }

    @Test
    void aSlotIsReleasedExactlyOnceHoweverOftenItIsClosed() {
        PoolSlot slot = pool.request("pool-1", 1, TIMEOUT).whenAcquired().toCompletableFuture().join();
        try (slot) {
            assertThat(pool.usage("pool-1").inFlight()).isEqualTo(1);
        }
        slot.close(); // the error path closes it again
        assertThat(slot.isReleased()).isTrue();
        assertThat(pool.usage("pool-1").inFlight()).isZero();

        PoolSlot second = pool.request("pool-1", 1, TIMEOUT).whenAcquired().toCompletableFuture().join();
        assertThat(pool.usage("pool-1").inFlight()).isEqualTo(1);
        second.close();
    }

    @Test
    void aWaiterGivesUpAfterThePoolsTimeoutAndLeavesTheQueue() {
        PoolSlot held = pool.request("pool-1", 1, TIMEOUT).whenAcquired().toCompletableFuture().join();
        SlotRequest waiting = pool.request("pool-1", 1, Duration.ofSeconds(5));

        time.advance(Duration.ofMillis(4999));
        assertThat(pool.usage("pool-1").waiting()).isEqualTo(1);
        time.advance(Duration.ofMillis(1));
        assertThatThrownBy(waiting::await).isInstanceOf(PoolTimeoutException.class);
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(1, 0));

        held.close();
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(0, 0));
    }

    @Test
    void aZeroTimeoutIsRefusedAtOnceWhenThePoolIsFull() {
        pool.request("pool-1", 1, TIMEOUT);
        assertThatThrownBy(() -> pool.request("pool-1", 1, Duration.ZERO)).isInstanceOf(PoolTimeoutException.class);
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(1, 0));
    }

    @Test
    void aCancelledWaiterNeverGetsASlotAndTheNextOneDoes() {
        PoolSlot held = pool.request("pool-1", 1, TIMEOUT).whenAcquired().toCompletableFuture().join();
        SlotRequest gone = pool.request("pool-1", 1, TIMEOUT);
        SlotRequest next = pool.request("pool-1", 1, TIMEOUT);

        assertThat(gone.cancel()).isTrue();
        held.close();

        assertThatThrownBy(gone::await).isInstanceOf(CancellationException.class);
        assertThat(next.cancel()).as("already granted: its holder must close it").isFalse();
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(1, 0));
    }

    @Test
    void aChangedLimitAppliesToTheNextAcquireAndLetsWaitersIn() {
        pool.request("pool-1", 1, TIMEOUT);
        SlotRequest waiting = pool.request("pool-1", 1, TIMEOUT);
        SlotRequest raised = pool.request("pool-1", 3, TIMEOUT);

        assertThat(waiting.whenAcquired().toCompletableFuture().isDone()).isTrue();
        assertThat(raised.whenAcquired().toCompletableFuture().isDone()).isTrue();
        assertThat(pool.usage("pool-1")).isEqualTo(new PoolUsage(3, 0));

        SlotRequest lowered = pool.request("pool-1", 2, TIMEOUT);
        assertThat(lowered.whenAcquired().toCompletableFuture().isDone()).isFalse();
    }

    @Test
    void anInterruptedWaiterLeavesTheQueueWithoutHoldingASlot() throws Exception {
        InProcessPool realPool;
        try (SystemTimeSource realTime = new SystemTimeSource(java.time.Clock.systemUTC())) {
            realPool = new InProcessPool(realTime);
            PoolSlot held = realPool.acquire("pool-1", 1, TIMEOUT);
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    realPool.acquire("pool-1", 1, TIMEOUT).close();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            waiter.start();
            while (realPool.usage("pool-1").waiting() == 0) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(realPool.usage("pool-1")).isEqualTo(new PoolUsage(1, 0));
            held.close();
            assertThat(realPool.usage("pool-1")).isEqualTo(new PoolUsage(0, 0));
        }
    }
}
