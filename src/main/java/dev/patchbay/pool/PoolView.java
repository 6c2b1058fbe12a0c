package dev.patchbay.pool;

/**
 * A connection pool as the API shows it: at most {@code limit} requests in flight, waiting up to
 * {@code timeout} seconds; {@code usage} is its live load, read from the outbound engine, not stored.
 */
record PoolView(long id, String name, int limit, Integer timeout, PoolUsageView usage, String createdAt, String updatedAt) {

    PoolView withUsage(PoolUsageView live) {
        return new PoolView(id, name, limit, timeout, live, createdAt, updatedAt);
    }
}
