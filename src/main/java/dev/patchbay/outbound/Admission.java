package dev.patchbay.outbound;

import dev.patchbay.outbound.OutboundMetrics.ConnectorMeters;
import dev.patchbay.outbound.OutboundMetrics.Refusal;
import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.PoolSlot;
import dev.patchbay.outbound.limit.PoolTimeoutException;
import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.limit.RateLimitedException;
import dev.patchbay.outbound.limit.RateLimiter;
import dev.patchbay.outbound.limit.SlotRequest;
import dev.patchbay.outbound.limit.StartTicket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Lets a request leave for its system under the connector's connection pool and rate limit. The pool
 * slot is taken first; the rate-limit start is taken last, once the connection to the system is
 * established and right before the request is written to it (the transport's before-send hook): a
 * start is counted when it is granted, so nothing may come between the start and the send (not even
 * connecting), or requests counted in one window could reach the system bunched into the next.
 *
 * <p>Both waits happen on the thread of the request and watch its caller ({@link QueueWait}): a caller
 * who hangs up leaves the queue and nothing is sent. Every outcome is counted in {@link OutboundMetrics}.
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
        private final CallerPresence caller;
        private final ConnectorMeters meters;
        private volatile long queuedMs;
        private volatile long startedAt;

        private Pass(Instance instance, PoolSlot slot, Duration maxWait, long began, CallerPresence caller, ConnectorMeters meters) {
            this.instance = instance;
            this.slot = slot;
            this.maxWait = maxWait;
            this.began = began;
            this.caller = caller;
            this.meters = meters;
        }

        /** Waits for the start within what is left of the wait; a connector not saved yet has no limit. */
        void start() {
            if (instance.connectorId() != null) {
                Duration left = maxWait.minusNanos(System.nanoTime() - began);
                RateLimit limit = RateLimit.of(instance.rateLimitAmount(), instance.rateLimitUnit());
                waiting(meters, () -> {
                    try {
                        StartTicket ticket = limiter.request(key(instance), limit, left.isNegative() ? Duration.ZERO : left);
                        return QueueWait.await(ticket.whenStarted(), ticket::cancel, counted -> {}, caller);
                    } catch (RateLimitedException e) {
                        meters.refused(refusal(e, key(instance), limit));
                        throw e;
                    }
                });
            }
            startedAt = System.nanoTime();
            queuedMs = (startedAt - began) / 1_000_000;
            if (meters != null) {
                meters.started(startedAt - began);
            }
        }

        long queuedMs() {
            return queuedMs;
        }

        /** The system answered (a buffered answer was read, a streamed one has its head): its time is recorded. */
        void answered() {
            if (meters != null && startedAt != 0) {
                meters.answered(System.nanoTime() - startedAt);
            }
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
    private final OutboundMetrics metrics;

    Admission(RateLimiter limiter, ConcurrencyPool pools, OutboundMetrics metrics) {
        this.limiter = limiter;
        this.pools = pools;
        this.metrics = metrics;
    }

    /**
     * Waits for a pool slot (a pool's own timeout bounds it); the rate-limit start follows with
     * {@link Pass#start()}, within what is left of {@code maxWait}.
     *
     * @throws PoolTimeoutException when no slot frees within the pool's timeout
     * @throws CallerGoneException when the caller hung up while waiting
     */
    Pass admit(Instance instance, Duration maxWait) {
        long began = System.nanoTime();
        CallerPresence caller = CallerPresence.current();
        ConnectorMeters meters = metrics.of(instance);
        PoolSlot slot = null;
        if (instance.connectorId() != null && instance.connectionPoolId() != null && instance.poolLimit() != null) {
            Duration poolWait = instance.poolTimeoutSeconds() == null ? maxWait
                    : min(maxWait, Duration.ofSeconds(instance.poolTimeoutSeconds()));
            slot = waiting(meters, () -> {
                try {
                    SlotRequest request = pools.request(String.valueOf(instance.connectionPoolId()), instance.poolLimit(), poolWait);
                    return QueueWait.await(request.whenAcquired(), request::cancel, PoolSlot::close, caller);
                } catch (PoolTimeoutException e) {
                    meters.refused(Refusal.POOL_TIMEOUT);
                    throw e;
                }
            });
        }
        return new Pass(instance, slot, maxWait, began, caller, meters);
    }

    static String key(Instance instance) {
        return String.valueOf(instance.connectorId());
    }

    /** A wait of a saved connector, counted as waiting while it lasts; a hang-up is a refusal. */
    private static <T> T waiting(ConnectorMeters meters, Wait<T> wait) {
        meters.waiting();
        try {
            return wait.run();
        } catch (CallerGoneException e) {
            meters.refused(Refusal.CALLER_GONE);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, "The request was abandoned while it waited.", null);
        } finally {
            meters.doneWaiting();
        }
    }

    @FunctionalInterface
    private interface Wait<T> {
        T run() throws InterruptedException;
    }

    /** Why the limiter refused, as the metrics name it: a refusal while the system's pause lasts is "paused". */
    private Refusal refusal(RateLimitedException e, String key, RateLimit limit) {
        return switch (e.reason()) {
            case QUEUE_FULL -> Refusal.QUEUE_FULL;
            case WAIT_EXPIRED -> Refusal.WAIT_EXPIRED;
            case WAIT_TOO_LONG -> limiter.usage(key, limit).pausedUntil() != null ? Refusal.PAUSED : Refusal.RATE_LIMITED;
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
