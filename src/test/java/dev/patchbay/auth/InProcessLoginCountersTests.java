package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.config.PatchbayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The in-process counts on a virtual clock: limits, windows, taking back, and what a full table gives up. */
class InProcessLoginCountersTests {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock();

    private InProcessLoginCounters counters(int accountFailures, int addressFailures, int maxTracked) {
        return new InProcessLoginCounters(new PatchbayProperties.LoginThrottle(accountFailures, addressFailures, WINDOW, maxTracked),
                clock);
    }

    @Test
    void shouldBlockThePairAtItsLimitForTheRestOfItsWindowOnly() {
        InProcessLoginCounters counters = counters(3, 100, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(counters.tryCount("198.51.100.1", "victim")).isEmpty();
        }
        clock.advance(Duration.ofMinutes(5));

        assertThat(counters.tryCount("198.51.100.1", "victim")).contains(Duration.ofMinutes(10));
        assertThat(counters.tryCount("198.51.100.2", "victim")).as("another address").isEmpty();
        assertThat(counters.tryCount("198.51.100.1", "someone-else")).as("another account").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(counters.tryCount("198.51.100.1", "victim")).as("the window has ended").isEmpty();
    }

    @Test
    void shouldBlockTheAddressAtItsLimitWhateverTheAccounts() {
        InProcessLoginCounters counters = counters(3, 5, 1000);
        for (int i = 0; i < 5; i++) {
            assertThat(counters.tryCount("198.51.100.1", "account-" + i)).isEmpty();
        }

        assertThat(counters.tryCount("198.51.100.1", "account-new")).contains(WINDOW);
        assertThat(counters.tryCount("198.51.100.2", "account-new")).isEmpty();
    }

    @Test
    void shouldNotCountAnAttemptThatSucceeded() {
        InProcessLoginCounters counters = counters(3, 3, 1000);
        for (int i = 0; i < 2; i++) {
            counters.tryCount("198.51.100.1", "user");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(counters.tryCount("198.51.100.1", "user")).as("login %d", i).isEmpty();
            counters.succeeded("198.51.100.1", "user");
        }
        // The pair started afresh with the first success; the address still holds its two failures.
        assertThat(counters.tryCount("198.51.100.1", "other")).isEmpty();
        assertThat(counters.tryCount("198.51.100.1", "other")).contains(WINDOW);
    }

    @Test
    void shouldKeepEveryBlockWhileJunkFloodsAFullTable() {
        InProcessLoginCounters counters = counters(3, 3, 10);
        for (int i = 0; i < 3; i++) {
            counters.tryCount("198.51.100.1", "victim");
        }
        for (int i = 0; i < 3; i++) {
            counters.tryCount("198.51.100.2", "account-" + i);
        }
        assertThat(counters.tryCount("198.51.100.1", "victim")).isPresent();
        assertThat(counters.tryCount("198.51.100.2", "account-new")).isPresent();

        for (int i = 0; i < 10_000; i++) {
            counters.tryCount("203.0.113." + (i % 250) + "-" + i, "junk-" + i);
        }

        assertThat(counters.tryCount("198.51.100.1", "victim")).as("the pair's block").isPresent();
        assertThat(counters.tryCount("198.51.100.2", "account-new")).as("the address's block").isPresent();
    }

    @Test
    void shouldGiveUpTheOldestBlockOnlyWhenEveryTrackedCountIsABlock() {
        InProcessLoginCounters counters = counters(1, 100, 2);
        counters.tryCount("198.51.100.1", "first");
        clock.advance(Duration.ofSeconds(1));
        counters.tryCount("198.51.100.1", "second");
        clock.advance(Duration.ofSeconds(1));

        counters.tryCount("198.51.100.1", "third");

        assertThat(counters.tryCount("198.51.100.1", "second")).isPresent();
        assertThat(counters.tryCount("198.51.100.1", "third")).isPresent();
        assertThat(counters.tryCount("198.51.100.1", "first")).as("the memory stays bounded").isEmpty();
    }

    @Test
    void shouldMakeRoomFromEndedWindowsFirst() {
        InProcessLoginCounters counters = counters(2, 100, 3);
        counters.tryCount("198.51.100.1", "ended");
        clock.advance(WINDOW);
        counters.tryCount("198.51.100.1", "blocked");
        counters.tryCount("198.51.100.1", "blocked");
        counters.tryCount("198.51.100.1", "open");

        counters.tryCount("198.51.100.1", "new");

        assertThat(counters.tryCount("198.51.100.1", "blocked")).isPresent();
        // "open" was not pushed out for "new": its one failure plus this one reach the limit of two.
        counters.tryCount("198.51.100.1", "open");
        assertThat(counters.tryCount("198.51.100.1", "open")).isPresent();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-31T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
