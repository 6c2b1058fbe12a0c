package dev.patchbay.pool;

import dev.patchbay.outbound.OutboundMetrics;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The write side of connection pools: validate everything, then write in one transaction. */
@Service
class PoolService {

    private final PoolValidator validator;
    private final PoolRepository pools;
    private final OutboundMetrics metrics;

    PoolService(PoolValidator validator, PoolRepository pools, OutboundMetrics metrics) {
        this.validator = validator;
        this.pools = pools;
        this.metrics = metrics;
    }

    @Transactional
    long create(long companyId, PoolRequest request) {
        return pools.insert(companyId, validator.validate(request, null));
    }

    @Transactional
    void update(long companyId, long id, PoolRequest request) {
        PoolSettings current = pools.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connection pool", id));
        pools.update(companyId, id, validator.validate(request, current));
    }

    /** Refused (422, naming them) while connectors are assigned to the pool: they would silently lose their limit. */
    @Transactional
    void delete(long companyId, long id) {
        pools.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connection pool", id));
        InUseException.check("connection_pool").usedBy(Kind.CONNECTORS, pools.connectorsUsing(companyId, id)).throwIfUsed();
        pools.delete(companyId, id);
        metrics.forgetPool(id);
    }
}
