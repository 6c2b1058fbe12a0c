package dev.patchbay.outbound;

import dev.patchbay.outbound.limit.ConcurrencyPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The send path's metrics, {@code patchbay_*} on {@code /actuator/prometheus}: per connector
 * (tags {@code company_id}, {@code connector_id}) the requests started, waiting now, refused by
 * reason, their wait and the system's answer time; per connection pool ({@code company_id},
 * {@code pool_id}) the slots in flight and the requests waiting.
 *
 * <p><b>Tags are ids only.</b> Names are the tenants' words and may change; ids are stable and say
 * nothing about anyone. No URL, path, header or credential is ever a tag.
 *
 * <p><b>Cardinality.</b> Meters exist for connectors and pools that sent through this node since
 * it started: about 30 series per connector (the two timers have a few fixed buckets, not
 * Micrometer's ~70 percentile buckets) and 2 per pool. Deleting a connector or a pool removes its
 * meters, so the count follows the live connectors, not every id ever seen.
 */
@Component
public class OutboundMetrics {

    private static final Duration[] WAIT_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300)};
    private static final Duration[] UPSTREAM_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(30)};

    /** Why a request was not sent: the {@code reason} tag of {@code patchbay_requests_refused_total}. */
    enum Refusal {
        /** Its computed start lay beyond the caller's wait. */
        RATE_LIMITED,
        /** The connector was paused by the system's Retry-After when it asked. */
        PAUSED,
        /** The connector's queue was at its bound. */
        QUEUE_FULL,
        /** It waited its whole bound without starting. */
        WAIT_EXPIRED,
        /** No pool slot within the pool's timeout. */
        POOL_TIMEOUT,
        /** The caller hung up while it waited. */
        CALLER_GONE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The meters of one connector. */
    final class ConnectorMeters {
        private final Tags tags;
        private final List<Meter> meters = new CopyOnWriteArrayList<>();
        private final AtomicInteger waiting = new AtomicInteger();
        private final Map<Refusal, Counter> refused = new ConcurrentHashMap<>();
        private final Counter started;
        private final Timer waited;
        private final Timer upstream;

        private ConnectorMeters(Tags tags) {
            this.tags = tags;
            this.started = add(Counter.builder("patchbay.requests.started").tags(tags)
                    .description("Requests that left for the system (each attempt counts)").register(registry));
            add(Gauge.builder("patchbay.requests.queued", waiting, AtomicInteger::get).tags(tags)
                    .description("Requests waiting now on this node for a pool slot or their rate-limit start").register(registry));
            this.waited = add(Timer.builder("patchbay.requests.wait").tags(tags).serviceLevelObjectives(WAIT_BUCKETS)
                    .description("Time a started request waited for its pool slot and rate-limit start").register(registry));
            this.upstream = add(Timer.builder("patchbay.upstream").tags(tags).serviceLevelObjectives(UPSTREAM_BUCKETS)
                    .description("Time from a request's start to the system's answer").register(registry));
        }

        void waiting() {
            waiting.incrementAndGet();
        }

        void doneWaiting() {
            waiting.decrementAndGet();
        }

        void started(long waitedNanos) {
            started.increment();
            waited.record(waitedNanos, TimeUnit.NANOSECONDS);
        }

        void refused(Refusal reason) {
            refused.computeIfAbsent(reason, r -> add(Counter.builder("patchbay.requests.refused").tags(tags).tag("reason", r.tag())
                    .description("Requests not sent, by reason").register(registry))).increment();
        }

        void answered(long nanos) {
            upstream.record(nanos, TimeUnit.NANOSECONDS);
        }

        private <M extends Meter> M add(M meter) {
            meters.add(meter);
            return meter;
        }
    }

    private final MeterRegistry registry;
    private final ConcurrencyPool pools;
    private final ConcurrentHashMap<Long, ConnectorMeters> connectors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, List<Meter>> poolMeters = new ConcurrentHashMap<>();

    OutboundMetrics(MeterRegistry registry, ConcurrencyPool pools) {
        this.registry = registry;
        this.pools = pools;
    }

    /** The connector's meters, registered on first use; null for a draft that has no id yet. */
    ConnectorMeters of(Instance instance) {
        if (instance.connectorId() == null) {
            return null;
        }
        if (instance.connectionPoolId() != null) {
            poolMeters.computeIfAbsent(instance.connectionPoolId(), id -> poolGauges(instance.companyId(), id));
        }
        return connectors.computeIfAbsent(instance.connectorId(), id -> new ConnectorMeters(
                Tags.of("company_id", String.valueOf(instance.companyId()), "connector_id", String.valueOf(id))));
    }

    /** Removes a deleted connector's meters, once the deletion is committed. */
    public void forgetConnector(long connectorId) {
        afterCommit(() -> {
            ConnectorMeters removed = connectors.remove(connectorId);
            if (removed != null) {
                removed.meters.forEach(registry::remove);
            }
        });
    }

    /** Removes a deleted pool's meters, once the deletion is committed. */
    public void forgetPool(long poolId) {
        afterCommit(() -> {
            List<Meter> removed = poolMeters.remove(poolId);
            if (removed != null) {
                removed.forEach(registry::remove);
            }
        });
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private List<Meter> poolGauges(long companyId, long poolId) {
        String key = String.valueOf(poolId);
        Tags tags = Tags.of("company_id", String.valueOf(companyId), "pool_id", key);
        return List.of(
                Gauge.builder("patchbay.pool.in_flight", pools, p -> p.usage(key).inFlight()).tags(tags)
                        .description("Requests holding a slot of the pool now").register(registry),
                Gauge.builder("patchbay.pool.waiting", pools, p -> p.usage(key).waiting()).tags(tags)
                        .description("Requests waiting for a slot of the pool now").register(registry));
    }
}
