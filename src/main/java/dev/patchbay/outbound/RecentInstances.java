package dev.patchbay.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The connectors that proxied calls went through in the last second, so that a busy proxy reads a
 * connector's settings and decrypts its variables once a second instead of on every request (two
 * database round trips and the decryption were most of the proxy's own cost). A change to the
 * connector, its variables or its implementation, or its deletion, reaches the proxy within
 * {@link #FRESH_FOR}; nothing is kept beyond that, and a connector that is not found is not kept.
 */
@Component
class RecentInstances {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** Entries kept at most; past it expired ones are dropped, and all of them if that is not enough. */
    static final int MAX_ENTRIES = 10_000;

    /** Where a connector is read from when it is not fresh here: the database, through the gateway. */
    interface Reader {
        Instance read(long companyId, long connectorId);
    }

    private record Key(long companyId, long connectorId) {}

    private record Entry(Instance instance, long readAt) {}

    private final Reader reader;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    @Autowired
    RecentInstances(OutboundGateway gateway) {
        this(gateway::instance, System::nanoTime);
    }

    RecentInstances(Reader reader, LongSupplier nanoTime) {
        this.reader = reader;
        this.nanoTime = nanoTime;
    }

    /** The connector as read at most {@link #FRESH_FOR} ago; a 404 when the company has no such connector. */
    Instance instance(long companyId, long connectorId) {
        Key key = new Key(companyId, connectorId);
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && fresh(entry, now)) {
            return entry.instance();
        }
        // The time is taken before the read, so an entry is never fresher than the data it holds.
        Instance instance = reader.read(companyId, connectorId);
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(old -> !fresh(old, now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(instance, now));
        return instance;
    }

    private static boolean fresh(Entry entry, long now) {
        return now - entry.readAt() < FRESH_FOR.toNanos();
    }
}
