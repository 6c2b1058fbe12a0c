package dev.patchbay.outbound;

import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.PoolSlot;
import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.limit.RateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Lets a request leave for its system under the connector's connection pool and rate limit. The pool
 * slot is taken first and the rate-limit start last, right before the request is sent: a start is
 * counted when it is granted, so nothing may wait between the start and the send, or requests
 * counted in one window could reach the system bunched into the next.
 */
@Component
class Admission {

    /** A request that may be sent now; closing it frees its pool slot (idempotent). */
    record Pass(PoolSlot slot, long queuedMs) implements AutoCloseable {
        @Override
        public void close() {
            if (slot != null) {
                slot.close();
            }
        }
    }

    private final RateLimiter limiter;
    private final ConcurrencyPool pools;

    Admission(RateLimiter limiter, ConcurrencyPool pools) {
        this.limiter = limiter;
        this.pools = pools;
    }

    /**
     * Waits for a pool slot and a rate-limit start, together at most {@code maxWait} (a pool's own
     * timeout bounds its part). A connector that is not saved yet (a credential check before the
     * create) has no limits of its own.
     *
     * @throws dev.patchbay.outbound.limit.RateLimitedException when the start cannot come within the wait
     * @throws dev.patchbay.outbound.limit.PoolTimeoutException when no slot frees within the pool's timeout
     */
    Pass admit(Instance instance, Duration maxWait) {
        if (instance.connectorId() == null) {
            return new Pass(null, 0);
        }
        long began = System.nanoTime();
        PoolSlot slot = null;
        try {
            if (instance.connectionPoolId() != null && instance.poolLimit() != null) {
                Duration poolWait = instance.poolTimeoutSeconds() == null ? maxWait
                        : min(maxWait, Duration.ofSeconds(instance.poolTimeoutSeconds()));
                slot = pools.request(String.valueOf(instance.connectionPoolId()), instance.poolLimit(), poolWait).await();
            }
            Duration left = maxWait.minusNanos(System.nanoTime() - began);
            limiter.acquire(key(instance), RateLimit.of(instance.rateLimitAmount(), instance.rateLimitUnit()),
                    left.isNegative() ? Duration.ZERO : left);
            return new Pass(slot, (System.nanoTime() - began) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(slot);
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, "The request was abandoned while it waited.", null);
        } catch (RuntimeException e) {
            release(slot);
            throw e;
        }
    }

    static String key(Instance instance) {
        return String.valueOf(instance.connectorId());
    }

    private static void release(PoolSlot slot) {
        if (slot != null) {
            slot.close();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
