package dev.patchbay.pool;

/** A connection pool as the API shows it: at most {@code limit} requests in flight, waiting up to {@code timeout} seconds. */
record PoolView(long id, String name, int limit, Integer timeout, String createdAt, String updatedAt) {}
