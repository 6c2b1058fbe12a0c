package dev.patchbay.outbound.limit;

/** A connection pool's live state: slots held now and requests waiting for one. */
public record PoolUsage(int inFlight, int waiting) {
}
