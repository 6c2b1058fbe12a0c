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
 * <p>Order of use on the send path: wait for the rate-limit grant, then for the pool slot, then take
 * a connection and, right before writing the request, mark the start as sent
 * ({@link dev.patchbay.outbound.limit.StartTicket#sent()}); give back what was not used on every other
 * path. A grant holds one of the window's starts until it is sent, and the start counts from the send,
 * so nothing between grant and write (a pool slot, connecting, TLS) can bunch starts at the system's
 * side, and no request holds a connection while it waits.
 */
package dev.patchbay.outbound.limit;
