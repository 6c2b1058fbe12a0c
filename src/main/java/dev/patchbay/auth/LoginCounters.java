package dev.patchbay.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the login throttle keeps its counts: in this process ({@link InProcessLoginCounters}, one
 * node) or in the Redis that several nodes share ({@link RedisLoginCounters}). An attempt has two
 * counts, each with its own limit and the same window: its client address's, and its client address
 * and account's.
 */
interface LoginCounters {

    /**
     * Counts one attempt against both counts, as a failure until {@link #succeeded} says otherwise,
     * unless either count has reached its limit: then nothing is counted and the answer is how long
     * until neither has. Counting before the password is checked keeps the limits exact when many
     * attempts arrive at once.
     */
    Optional<Duration> tryCount(String address, String account);

    /** The attempt {@link #tryCount} counted had the right password: it is no failure, and the pair starts afresh. */
    void succeeded(String address, String account);
}
