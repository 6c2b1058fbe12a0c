/**
 * The in-process core of the send path's limits: an exact sliding-window rate limit per instance
 * ({@link dev.patchbay.outbound.limit.RateLimiter}), a concurrency cap per connection pool
 * ({@link dev.patchbay.outbound.limit.ConcurrencyPool}) and the pause an upstream 429/503 asks for
 * ({@link dev.patchbay.outbound.limit.UpstreamPause}).
 *
 * <p>The two interfaces are ports: this package holds the single-node implementations, which keep
 * their state in memory; a multi-node deployment swaps in implementations that keep the same state
 * in Redis. Time comes from a {@link dev.patchbay.outbound.limit.TimeSource}, so tests run on a
 * virtual clock instead of sleeping.
 *
 * <p>Order of use on the send path: take the pool slot first, then the rate-limit start, then send
 * at once. A start is counted when it is granted, so anything that delays the send after the grant
 * (such as waiting for a pool slot) would move the real start later than the counted one and could
 * let the system see more than the limit in one window.
 */
package dev.patchbay.outbound.limit;
