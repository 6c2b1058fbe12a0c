package dev.patchbay.auth;

import dev.patchbay.auth.ApiKeyRepository.ApiKeyRow;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the active API key a request presents, without a database round trip on every request:
 * a found key is remembered for {@link #FRESHNESS}, then read again. So a key revoked on any node
 * stops working everywhere within that time (the contract allows one second); on the node that
 * revokes it, at once ({@link #forget}). Unknown or revoked keys are never remembered, so a new key
 * works at once and guessing cannot fill the memory; the map is also bounded.
 */
@Component
class ApiKeyLookup {

    /** Well under the one second a revocation may take to reach every node, with room for a slow read. */
    static final Duration FRESHNESS = Duration.ofMillis(500);

    private static final int MAX_ENTRIES = 10_000;

    /** When a key was loaded, on a monotonic clock (nanoseconds), so wall-clock steps cannot extend it. */
    private record Entry(ApiKeyRow row, long loadedAt) {}

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final ApiKeyRepository apiKeys;
    private final Clock clock;
    private final LongSupplier nanoTime;

    @Autowired
    ApiKeyLookup(ApiKeyRepository apiKeys, Clock clock) {
        this(apiKeys, clock, System::nanoTime);
    }

    ApiKeyLookup(ApiKeyRepository apiKeys, Clock clock, LongSupplier nanoTime) {
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The active key with this raw value, marking it used (at most one write a minute per key). */
    Optional<ApiKeyRow> findActive(String rawKey) {
        String hash = ApiKeyHashing.hash(rawKey);
        long now = nanoTime.getAsLong();
        Entry entry = byHash.get(hash);
        if (entry == null || now - entry.loadedAt() >= FRESHNESS.toNanos()) {
            Optional<ApiKeyRow> loaded = apiKeys.findActiveByHash(hash);
            if (loaded.isEmpty()) {
                byHash.remove(hash);
                return Optional.empty();
            }
            entry = remember(hash, new Entry(loaded.get(), now));
        }
        return Optional.of(touched(hash, entry));
    }

    /** Drops a key revoked on this node, so that here it stops working at once. */
    void forget(long apiKeyId) {
        byHash.values().removeIf(entry -> entry.row().id() == apiKeyId);
    }

    private Entry remember(String hash, Entry entry) {
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear(); // rare (that many keys in use within half a second): start afresh rather than track age
        }
        byHash.put(hash, entry);
        return entry;
    }

    private ApiKeyRow touched(String hash, Entry entry) {
        ApiKeyRow row = entry.row();
        if (apiKeys.touch(row, clock.instant())) {
            ApiKeyRow used = new ApiKeyRow(row.id(), row.companyId(), row.platform(), row.name(), row.keyPrefix(),
                    row.readOnly(), row.createdAt(), row.revokedAt(), clock.instant().atOffset(ZoneOffset.UTC));
            byHash.replace(hash, entry, new Entry(used, entry.loadedAt()));
            return used;
        }
        return row;
    }
}
