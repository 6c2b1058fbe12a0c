package dev.patchbay.outbound;

import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.PoolUsage;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The live load of connection pools (slots in flight, requests waiting) for the pools' API: one call
 * for a whole page of pools, so a list costs no lookup per row (in process a map read each; a shared
 * store answers the page at once).
 */
@Service
public class PoolLoads {

    private final ConcurrencyPool pools;

    PoolLoads(ConcurrencyPool pools) {
        this.pools = pools;
    }

    /** The load of each pool by id; a pool nothing has used since the start is idle (0 and 0). */
    public Map<Long, PoolUsage> of(Collection<Long> poolIds) {
        List<String> keys = poolIds.stream().map(String::valueOf).toList();
        Map<String, PoolUsage> byKey = pools.usage(keys);
        Map<Long, PoolUsage> byId = new HashMap<>();
        for (Long id : poolIds) {
            byId.put(id, byKey.getOrDefault(String.valueOf(id), new PoolUsage(0, 0)));
        }
        return byId;
    }
}
