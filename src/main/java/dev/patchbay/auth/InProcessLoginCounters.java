package dev.patchbay.auth;

import dev.patchbay.config.PatchbayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The login throttle's counts in this process (one node). Each count lives for one window from its
 * first failure. Memory is bounded: at most {@code max-tracked} addresses and as many address and
 * account pairs.
 *
 * <p>Why a full table cannot be used to reset a block: every table keeps its counts in two groups,
 * those still below their limit ("open") and those at it ("full", which refuse). Room for a new count
 * is taken, in this order, from counts whose window has ended, then from the open counts (the oldest
 * first), and only when every tracked count is a block, from the oldest block.
 * Dropping an open count only gives its address a fresh allowance, which any new address has anyway,
 * so flooding the table from many addresses gains an attacker nothing he did not have. Removing a
 * block takes {@code max-tracked} other blocks, each of them {@code limit} failed, hashed passwords
 * within one window. One address cannot flood at all: its own failures stop at its address limit.
 *
 * <p>The open group is kept in the order its windows began, which is the order they end (every window
 * is as long); the full group in the order its counts reached their limit. So ended counts are found
 * at the heads, in constant time per failure; one that is not is dropped when it is next looked up.
 */
final class InProcessLoginCounters implements LoginCounters {

    private final Counts addresses;
    private final Counts pairs;
    private final Clock clock;

    InProcessLoginCounters(PatchbayProperties.LoginThrottle limits, Clock clock) {
        this.addresses = new Counts(limits.addressFailures(), limits.window(), limits.maxTracked());
        this.pairs = new Counts(limits.accountFailures(), limits.window(), limits.maxTracked());
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Duration> tryCount(String address, String account) {
        Instant now = clock.instant();
        String pair = address + " " + account;
        Duration wait = max(addresses.blockedFor(address, now), pairs.blockedFor(pair, now));
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        addresses.add(address, now);
        pairs.add(pair, now);
        return Optional.empty();
    }

    @Override
    public synchronized void succeeded(String address, String account) {
        Instant now = clock.instant();
        addresses.takeBack(address, now);
        pairs.forget(address + " " + account);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One table of counts (the addresses', or the pairs'), each one window long, with one limit. */
    private static final class Counts {

        private static final class Count {
            final Instant end;
            int failures;

            Count(Instant end) {
                this.end = end;
            }
        }

        private final int limit;
        private final Duration window;
        private final int capacity;
        private final Map<String, Count> open = new LinkedHashMap<>();
        private final Map<String, Count> full = new LinkedHashMap<>();

        Counts(int limit, Duration window, int capacity) {
            this.limit = limit;
            this.window = window;
            this.capacity = capacity;
        }

        Duration blockedFor(String key, Instant now) {
            Count count = full.get(key);
            if (count == null) {
                return Duration.ZERO;
            }
            if (!now.isBefore(count.end)) {
                full.remove(key);
                return Duration.ZERO;
            }
            return Duration.between(now, count.end);
        }

        void add(String key, Instant now) {
            dropEnded(open, now);
            dropEnded(full, now);
            Count count = open.get(key);
            if (count != null && !now.isBefore(count.end)) {
                open.remove(key);
                count = null;
            }
            if (count == null) {
                makeRoom();
                count = new Count(now.plus(window));
                open.put(key, count);
            }
            count.failures++;
            if (count.failures >= limit) {
                open.remove(key);
                full.put(key, count);
            }
        }

        /** An attempt counted by {@link #add} was no failure. */
        void takeBack(String key, Instant now) {
            Count count = open.get(key);
            if (count == null) {
                count = full.remove(key);
                if (count == null || !now.isBefore(count.end)) {
                    return;
                }
                // Below the limit again: open, at the tail although it ends earlier than some there. Only
                // the order in which ended and open counts make room depends on it, never a block.
                open.put(key, count);
            }
            count.failures = Math.max(0, count.failures - 1);
        }

        void forget(String key) {
            open.remove(key);
            full.remove(key);
        }

        private void makeRoom() {
            if (open.size() + full.size() < capacity) {
                return;
            }
            Map<String, Count> from = open.isEmpty() ? full : open;
            Iterator<String> oldest = from.keySet().iterator();
            oldest.next();
            oldest.remove();
        }

        private static void dropEnded(Map<String, Count> counts, Instant now) {
            Iterator<Count> oldest = counts.values().iterator();
            while (oldest.hasNext() && !now.isBefore(oldest.next().end)) {
                oldest.remove();
            }
        }
    }
}
