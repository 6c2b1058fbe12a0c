package dev.patchbay.pool;

/** A pool's fields after validation: what the repository writes. */
record PoolSettings(String name, int limit, Integer timeout) {}
