package dev.patchbay.pool;

import dev.patchbay.outbound.OutboundMetrics;
import dev.patchbay.pool.PoolRepository.ConnectorRef;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import java.util.stream.Collectors;
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
        List<ConnectorRef> connectors = pools.connectorsUsing(companyId, id);
        if (!connectors.isEmpty()) {
            FieldErrors errors = new FieldErrors().add("connection_pool", "The connection pool is used by " + connectors.size()
                    + (connectors.size() == 1 ? " connector" : " connectors") + " and cannot be deleted: "
                    + connectors.stream().map(c -> c.name() + " (#" + c.id() + ")").collect(Collectors.joining(", ")) + ".");
            connectors.forEach(c -> errors.add("connectors", c.name() + " (#" + c.id() + ")"));
            errors.throwIfAny();
        }
        pools.delete(companyId, id);
        metrics.forgetPool(id);
    }
}
