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
 * Lets a request leave for its system under the connector's rate limit and connection pool, and both
 * waits happen before the request takes a connection to the system: a queued request holds no
 * connection, which the system could close while it idles or which other requests to the same host
 * could need.
 *
 * <p>The rate-limit grant comes first, then the pool slot: a request that waits for its instance's
 * window must not hold a slot that the pool's other instances could use meanwhile. A grant holds one
 * of the window's starts until the transport's before-send hook calls {@link Pass#sending()}, right
 * before the request is written, and the start counts from there (see {@link StartTicket}); a
 * request that is not written (no slot in time, the connection failed, the caller left) gives its
 * start back when the pass closes.
 *
 * <p>Both waits happen on the thread of the request and watch its caller ({@link QueueWait}): a caller
 * who hangs up leaves the queue and nothing is sent. Every outcome is counted in {@link OutboundMetrics}.
 */
@Component
class Admission {

    /**
     * A request holding its rate-limit grant and pool slot: {@link #sending()} runs right before the
     * request is written to its connection; closing gives back the slot and an unsent start (idempotent).
     */
    final class Pass implements AutoCloseable {
        private final StartTicket ticket;
        private final PoolSlot slot;
        private final long began;
        private final ConnectorMeters meters;
        private volatile long queuedMs;
        private volatile long startedAt;

        private Pass(StartTicket ticket, PoolSlot slot, long began, ConnectorMeters meters) {
            this.ticket = ticket;
            this.slot = slot;
            this.began = began;
            this.meters = meters;
        }

        /** The request is written now: its rate-limit start counts from here. */
        void sending() {
            if (ticket != null) {
                ticket.sent();
            }
            startedAt = System.nanoTime();
            queuedMs = (startedAt - began) / 1_000_000;
            if (meters != null) { // null for a connector not saved yet
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
            try {
                if (ticket != null) {
                    ticket.cancel(); // nothing when it was sent
                }
            } finally {
                if (slot != null) {
                    slot.close();
                }
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
     * Waits for the rate-limit grant, within {@code maxWait}, then for a pool slot, within what is
     * left of it and the pool's own timeout. A connector not saved yet has neither.
     *
     * @throws RateLimitedException when the request cannot start within {@code maxWait}
     * @throws PoolTimeoutException when no slot frees within the pool's timeout
     * @throws CallerGoneException when the caller hung up while waiting
     */
    Pass admit(Instance instance, Duration maxWait) {
        long began = System.nanoTime();
        ConnectorMeters meters = metrics.of(instance);
        if (instance.connectorId() == null) {
            return new Pass(null, null, began, meters);
        }
        CallerPresence caller = CallerPresence.current();
        StartTicket ticket = granted(instance, maxWait, caller, meters);
        try {
            return new Pass(ticket, slot(instance, maxWait.minusNanos(System.nanoTime() - began), caller, meters), began, meters);
        } catch (RuntimeException e) {
            ticket.cancel();
            throw e;
        }
    }

    private StartTicket granted(Instance instance, Duration maxWait, CallerPresence caller, ConnectorMeters meters) {
        RateLimit limit = RateLimit.of(instance.rateLimitAmount(), instance.rateLimitUnit());
        return waiting(meters, () -> {
            try {
                StartTicket ticket = limiter.request(key(instance), limit, maxWait);
                // Leaving gives back a grant that came meanwhile too, so nothing is left to give back.
                QueueWait.await(ticket.whenGranted(), ticket::cancel, granted -> {}, caller);
                return ticket;
            } catch (RateLimitedException e) {
                meters.refused(refusal(e, key(instance), limit));
                throw e;
            }
        });
    }

    private PoolSlot slot(Instance instance, Duration left, CallerPresence caller, ConnectorMeters meters) {
        if (instance.connectionPoolId() == null || instance.poolLimit() == null) {
            return null;
        }
        Duration wait = left.isNegative() ? Duration.ZERO : left;
        Duration poolWait = instance.poolTimeoutSeconds() == null ? wait : min(wait, Duration.ofSeconds(instance.poolTimeoutSeconds()));
        return waiting(meters, () -> {
            try {
                SlotRequest request = pools.request(String.valueOf(instance.connectionPoolId()), instance.poolLimit(), poolWait);
                return QueueWait.await(request.whenAcquired(), request::cancel, PoolSlot::close, caller);
            } catch (PoolTimeoutException e) {
                meters.refused(Refusal.POOL_TIMEOUT);
                throw e;
            }
        });
    }

    static String key(Instance instance) {
        return String.valueOf(instance.connectorId());
    }

    /** A wait, counted as waiting while it lasts; a hang-up is a refusal. */
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
