package dev.patchbay.outbound.async;

import dev.patchbay.config.PatchbayProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs this node's share of the queued asynchronous requests on a bounded set of threads: claims the
 * oldest due request (a connector's requests in their order), runs it, records the outcome, and keeps
 * the leases of what it runs alive. It also settles the requests of nodes that died and deletes
 * results past their retention. On stop it claims nothing more and gives running requests the
 * shutdown grace to finish; what is still running then is left to be recovered from its lease.
 */
@Component
class AsyncWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AsyncWorker.class);
    private static final int DELETE_BATCH = 1000;

    private final AsyncRequestStore store;
    private final AsyncRun runner;
    private final AsyncCodec codec;
    private final PatchbayProperties.Async settings;
    private final Duration retention;
    private final String node = nodeId();

    /** Requests this node runs, and how many of each connector's. */
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> perConnector = new ConcurrentHashMap<>();
    private final Object claiming = new Object();

    private volatile boolean accepting;
    private volatile boolean abandoned;
    private volatile boolean running;
    private Semaphore free;
    private ExecutorService workers;
    private ScheduledExecutorService timers;

    AsyncWorker(AsyncRequestStore store, AsyncRun runner, AsyncCodec codec, PatchbayProperties properties) {
        this.store = store;
        this.runner = runner;
        this.codec = codec;
        this.settings = properties.outbound().async();
        this.retention = properties.outbound().resultRetention();
    }

    @Override
    public void start() {
        free = new Semaphore(settings.threads());
        workers = Executors.newFixedThreadPool(settings.threads(), threads("patchbay-async-"));
        timers = Executors.newScheduledThreadPool(2, threads("patchbay-async-timer-"));
        abandoned = false;
        accepting = true;
        running = true;
        long heartbeat = Math.max(1, settings.lease().toMillis() / 3);
        timers.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::deleteExpired, settings.cleanupInterval().toMillis(),
                settings.cleanupInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Asynchronous requests: node {} runs up to {} at once", node, settings.threads());
    }

    /** Looks for work at once, for a request just submitted to this node. */
    void wake() {
        if (accepting) {
            try {
                timers.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // stopping: the queued request waits for the next start or another node
            }
        }
    }

    /** Settles dead nodes' requests, then claims as many due requests as there are free threads. */
    private void poll() {
        try {
            AsyncRequestStore.Recovered recovered = store.recoverExpired();
            if (recovered.requeued() + recovered.interrupted() > 0) {
                log.warn("Recovered asynchronous requests whose node stopped while running them: {} queued again "
                        + "(idempotent), {} marked interrupted", recovered.requeued(), recovered.interrupted());
            }
            synchronized (claiming) {
                while (accepting && free.tryAcquire()) {
                    Optional<AsyncRequestStore.Claimed> claimed;
                    try {
                        claimed = store.claim(node, settings.lease(), fullConnectors());
                    } catch (RuntimeException e) {
                        free.release();
                        throw e;
                    }
                    if (claimed.isEmpty()) {
                        free.release();
                        return;
                    }
                    dispatch(claimed.get());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for asynchronous requests ({}); trying again in {}", e.getClass().getSimpleName(),
                    settings.pollInterval());
        }
    }

    private List<Long> fullConnectors() {
        return perConnector.entrySet().stream().filter(e -> e.getValue() >= settings.perConnector()).map(Map.Entry::getKey)
                .toList();
    }

    private void dispatch(AsyncRequestStore.Claimed claimed) {
        mine.add(claimed.id());
        perConnector.merge(claimed.connectorId(), 1, Integer::sum);
        try {
            workers.execute(() -> execute(claimed));
        } catch (RejectedExecutionException stopping) {
            release(claimed);
            store.requeue(claimed.id(), node, java.time.Instant.EPOCH);
        }
    }

    private void execute(AsyncRequestStore.Claimed claimed) {
        try {
            AsyncRun.Outcome outcome = runner.run(claimed);
            if (abandoned) {
                return; // past the shutdown grace: left to be recovered from its lease
            }
            if (outcome instanceof AsyncRun.Outcome.Later later) {
                store.requeue(claimed.id(), node, later.at());
            } else if (outcome instanceof AsyncRun.Outcome.Done done
                    && !store.finish(claimed.id(), node, done.status(), codec.sealResult(claimed.companyId(), claimed.id(), done.result()))) {
                log.warn("Asynchronous request {} finished after its lease ran out; its outcome was not recorded",
                        claimed.id());
            }
        } catch (RuntimeException e) {
            // Whether it reached the system is unknown: no outcome is recorded, and the lease (no longer
            // renewed) settles it as a dead node's request would be. The message may quote data; the type does not.
            log.error("Asynchronous request {} failed in Patchbay ({}); it will be recovered when its lease runs out",
                    claimed.id(), e.getClass().getName());
        } finally {
            release(claimed);
            wake();
        }
    }

    private void release(AsyncRequestStore.Claimed claimed) {
        mine.remove(claimed.id());
        perConnector.computeIfPresent(claimed.connectorId(), (id, count) -> count > 1 ? count - 1 : null);
        free.release();
    }

    private void heartbeat() {
        if (mine.isEmpty()) {
            return;
        }
        try {
            store.renew(node, settings.lease(), List.copyOf(mine));
        } catch (RuntimeException e) {
            log.warn("Could not renew the leases of running asynchronous requests ({})", e.getClass().getSimpleName());
        }
    }

    /** Deletes finished requests older than the retention, in batches; answers how many. */
    int deleteExpired() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = store.deleteFinishedBefore(retention, DELETE_BATCH);
                total += deleted;
            } while (deleted == DELETE_BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not delete expired asynchronous requests ({})", e.getClass().getSimpleName());
        }
        if (total > 0) {
            log.info("Deleted {} asynchronous requests finished more than {} ago", total, retention);
        }
        return total;
    }

    @Override
    public void stop(Runnable callback) {
        accepting = false;
        synchronized (claiming) {
            workers.shutdown(); // no claim is in progress: nothing new reaches the threads
        }
        Thread waiting = new Thread(() -> {
            try {
                if (!workers.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                    abandoned = true;
                    log.warn("{} asynchronous requests were still running after {}; they are left to be recovered "
                            + "when their lease runs out", mine.size(), settings.shutdownGrace());
                }
            } catch (InterruptedException e) {
                abandoned = true;
                Thread.currentThread().interrupt();
            } finally {
                timers.shutdownNow();
                running = false;
                callback.run();
            }
        }, "patchbay-async-stop");
        waiting.setDaemon(true);
        waiting.start();
    }

    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true); // an abandoned run must not keep the JVM alive
            return thread;
        };
    }

    /** Unique per start, so a restarted node never mistakes its predecessor's leases for its own. */
    private static String nodeId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
