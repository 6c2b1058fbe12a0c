package dev.patchbay.pool;

/** A pool's live load, as its GET shows it: requests holding a slot now and requests waiting for one. */
record PoolUsageView(int inFlight, int waiting) {

    static final PoolUsageView IDLE = new PoolUsageView(0, 0);
}
