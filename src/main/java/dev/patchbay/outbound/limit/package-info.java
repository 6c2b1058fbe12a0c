/**
 * The in-process core of the send path's limits: an exact sliding-window rate limit per instance
 * ({@link dev.patchbay.outbound.limit.RateLimiter}), a concurrency cap per connection pool
 * ({@link dev.patchbay.outbound.limit.ConcurrencyPool}) and the pause an upstream 429/503 asks for
 * ({@link dev.patchbay.outbound.limit.UpstreamPause}).
 *
 * <p>The two interfaces are ports with two implementations each: for one node, state in memory
 * ({@link dev.patchbay.outbound.limit.SlidingWindowLimiter}, {@link dev.patchbay.outbound.limit.InProcessPool});
 * for several nodes, the same state in Redis, changed only by the Lua scripts beside these classes
 * ({@link dev.patchbay.outbound.limit.RedisRateLimiter}, {@link dev.patchbay.outbound.limit.RedisConcurrencyPool},
 * over one {@link dev.patchbay.outbound.limit.LimitsRedis}). They share this package because the
 * tickets and slots they hand out are built through package-private constructors. Time comes from a
 * {@link dev.patchbay.outbound.limit.TimeSource}, so the in-memory tests run on a virtual clock instead
 * of sleeping; the Redis ones take time from Redis itself.
 *
 * <p>Order of use on the send path: wait for the rate-limit grant, then the pool slot, then take a
 * connection and call {@link dev.patchbay.outbound.limit.StartTicket#sent()} right before the write. A
 * grant holds one of the window's starts until then, and the start counts from the send, so the time
 * spent between grant and write cannot let the system see more than the limit in one window.
 */
package dev.patchbay.outbound.limit;
