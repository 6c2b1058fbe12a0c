package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait that watches its caller, with a future completed by hand and a caller that leaves when told. */
class QueueWaitTests {

    @Test
    void shouldReturnWhatWasGrantedWhileTheCallerStays() throws Exception {
        CompletableFuture<String> granted = new CompletableFuture<>();
        AtomicInteger probes = new AtomicInteger();
        CompletableFuture.runAsync(() -> {
            while (probes.get() < 2) {
                Thread.onSpinWait();
            }
            granted.complete("slot");
        });

        String got = QueueWait.await(granted, () -> true, s -> {}, () -> probes.incrementAndGet() < 0);

        assertThat(got).isEqualTo("slot");
        assertThat(probes.get()).as("the caller was looked at while it waited").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldLeaveTheQueueAndThrowWhenTheCallerHangsUp() {
        CompletableFuture<String> granted = new CompletableFuture<>();
        AtomicBoolean left = new AtomicBoolean();

        assertThatThrownBy(() -> QueueWait.await(granted, () -> left.compareAndSet(false, true), s -> {}, () -> true))
                .isInstanceOf(CallerGoneException.class);
        assertThat(left).isTrue();
    }

    @Test
    void shouldGiveBackWhatWasGrantedJustAsTheCallerHungUp() {
        CompletableFuture<String> granted = new CompletableFuture<>();
        List<String> givenBack = new ArrayList<>();
        CallerPresence goneOnceGranted = () -> {
            granted.complete("slot"); // granted between the wait's timeout and its look at the caller
            return true;
        };

        assertThatThrownBy(() -> QueueWait.await(granted, () -> false, givenBack::add, goneOnceGranted))
                .isInstanceOf(CallerGoneException.class);
        assertThat(givenBack).containsExactly("slot");
    }

    @Test
    void shouldPassARefusalOnAsItCame() {
        CompletableFuture<String> refused = CompletableFuture.failedFuture(new IllegalStateException("refused"));

        assertThatThrownBy(() -> QueueWait.await(refused, () -> false, s -> {}, CallerPresence.UNKNOWN))
                .isInstanceOf(IllegalStateException.class).hasMessage("refused");
    }
}
