package dev.patchbay.outbound;

import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.PoolSlot;
import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.limit.RateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Lets a request leave for its system under the connector's connection pool and rate limit. The pool
 * slot is taken first; the rate-limit start is taken last, once the connection to the system is
 * established and right before the request is written to it (the transport's before-send hook): a
 * start is counted when it is granted, so nothing may come between the start and the send (not even
 * connecting), or requests counted in one window could reach the system bunched into the next.
 */
@Component
class Admission {

    /**
     * A request holding its pool slot: {@link #start()} waits for its rate-limit start and runs right
     * before the request is written to its connection; closing frees the slot (idempotent).
     */
    final class Pass implements AutoCloseable {
        private final Instance instance;
        private final PoolSlot slot;
        private final Duration maxWait;
        private final long began;
        private volatile long queuedMs;

        private Pass(Instance instance, PoolSlot slot, Duration maxWait, long began) {
            this.instance = instance;
            this.slot = slot;
            this.maxWait = maxWait;
            this.began = began;
        }

        /** Waits for the start within what is left of the wait; a connector not saved yet has no limit. */
        void start() {
            if (instance.connectorId() != null) {
                Duration left = maxWait.minusNanos(System.nanoTime() - began);
                try {
                    limiter.acquire(key(instance), RateLimit.of(instance.rateLimitAmount(), instance.rateLimitUnit()),
                            left.isNegative() ? Duration.ZERO : left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, "The request was abandoned while it waited.",
                            null);
                }
            }
            queuedMs = (System.nanoTime() - began) / 1_000_000;
        }

        long queuedMs() {
            return queuedMs;
        }

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
     * Waits for a pool slot (a pool's own timeout bounds it); the rate-limit start follows with
     * {@link Pass#start()}, within what is left of {@code maxWait}.
     *
     * @throws dev.patchbay.outbound.limit.PoolTimeoutException when no slot frees within the pool's timeout
     */
    Pass admit(Instance instance, Duration maxWait) {
        long began = System.nanoTime();
        PoolSlot slot = null;
        if (instance.connectorId() != null && instance.connectionPoolId() != null && instance.poolLimit() != null) {
            Duration poolWait = instance.poolTimeoutSeconds() == null ? maxWait
                    : min(maxWait, Duration.ofSeconds(instance.poolTimeoutSeconds()));
            try {
                slot = pools.request(String.valueOf(instance.connectionPoolId()), instance.poolLimit(), poolWait).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, "The request was abandoned while it waited.", null);
            }
        }
        return new Pass(instance, slot, maxWait, began);
    }

    static String key(Instance instance) {
        return String.valueOf(instance.connectorId());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
