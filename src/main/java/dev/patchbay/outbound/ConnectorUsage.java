package dev.patchbay.outbound;

import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.PoolUsage;
import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.limit.RateLimitUsage;
import dev.patchbay.outbound.limit.RateLimiter;
import dev.patchbay.web.ApiTimestamps;
import java.time.Instant;
import org.springframework.stereotype.Service;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code GET /connectors/{id}/usage}: the live state of a connector's rate limit and connection pool. */
@Service
public class ConnectorUsage {

    /** Times are written as the rest of the API writes them (six fraction digits), not with the clock's nanoseconds. */
    public record Usage(RateLimitState rateLimit, @JsonSerialize(using = ApiTimestamps.Json.class) Instant pausedUntil,
            PoolState connectionPool) {}

    public record RateLimitState(int limit, String unit, int startedInWindow, int remaining, int queued,
            @JsonSerialize(using = ApiTimestamps.Json.class) Instant nextStartAt) {}

    public record PoolState(long id, int limit, int inFlight, int waiting) {}

    private final OutboundGateway gateway;
    private final RateLimiter limiter;
    private final ConcurrencyPool pools;

    ConnectorUsage(OutboundGateway gateway, RateLimiter limiter, ConcurrencyPool pools) {
        this.gateway = gateway;
        this.limiter = limiter;
        this.pools = pools;
    }

    /** The live state of one connection pool (its slots are shared by every connector assigned to it). */
    public PoolState pool(long poolId, int limit) {
        PoolUsage usage = pools.usage(String.valueOf(poolId));
        return new PoolState(poolId, limit, usage.inFlight(), usage.waiting());
    }

    public Usage of(long companyId, long connectorId) {
        Instance instance = gateway.instance(companyId, connectorId);
        RateLimitUsage rate = limiter.usage(Admission.key(instance),
                RateLimit.of(instance.rateLimitAmount(), instance.rateLimitUnit()));
        PoolState pool = null;
        if (instance.connectionPoolId() != null && instance.poolLimit() != null) {
            PoolUsage usage = pools.usage(String.valueOf(instance.connectionPoolId()));
            pool = new PoolState(instance.connectionPoolId(), instance.poolLimit(), usage.inFlight(), usage.waiting());
        }
        return new Usage(new RateLimitState(instance.rateLimitAmount(), instance.rateLimitUnit(), rate.startedInWindow(),
                rate.remaining(), rate.queued(), rate.nextStartAt()), rate.pausedUntil(), pool);
    }
}
