package dev.patchbay.outbound.limit.bench;

import dev.patchbay.outbound.limit.LimitsRedis;
import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.limit.RateLimitedException;
import dev.patchbay.outbound.limit.RedisRateLimiter;
import dev.patchbay.outbound.limit.SystemTimeSource;
import dev.patchbay.support.EmbeddedRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis variant of {@link LimiterBenchmark}: decisions per second and the distribution of one
 * decision's time with 10,000 active instances, each decision one atomic script in Redis (a round trip
 * over loopback), and the memory Redis takes for them.
 *
 * <p>Run (after {@code ./mvnw -q -B test-compile}; with no URL it starts the tests' embedded Redis):
 * <pre>java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
 *     dev.patchbay.outbound.limit.bench.RedisLimiterBenchmark 5 [redis://127.0.0.1:6379]</pre>
 * where {@code target/test-classpath.txt} comes from
 * {@code ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt}. A decision
 * is one {@code request(key, limit, Duration.ZERO)} (one script, awaited: granted at once or refused at
 * once) and, when granted, its {@code sent()} (a second script, sent without waiting, as a node does right
 * before its write). Several caller threads share the node's one connection, as a node's request threads do.
 */
public final class RedisLimiterBenchmark {

    private static final int KEYS = 10_000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        URI url = args.length > 1 ? URI.create(args[1]) : EmbeddedRedis.url();
        String[] keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "instance-" + i;
        }
        String prefix = EmbeddedRedis.freshPrefix();
        try (SystemTimeSource time = new SystemTimeSource(Clock.systemUTC());
                LimitsRedis redis = new LimitsRedis(url, prefix, Duration.ofSeconds(5))) {
            RedisRateLimiter limiter = new RedisRateLimiter(redis, time, Duration.ofMillis(5), 10_000, Duration.ofSeconds(15));
            memory(url, limiter, keys, new RateLimit(60, Duration.ofMinutes(1)));
            RateLimit limit = new RateLimit(10, Duration.ofSeconds(1));
            decisions(limiter, keys, limit, 1, 1); // warm-up
            for (int threads : new int[] {1, 4, 16}) {
                decisions(limiter, keys, limit, seconds, threads);
            }
            scriptTime(url);
        }
        System.exit(0); // the embedded Redis stops with the JVM
    }

    /** Redis memory for 10,000 instances whose windows are full of sent starts. */
    private static void memory(URI url, RedisRateLimiter limiter, String[] keys, RateLimit limit) {
        RedisClient client = RedisClient.create(url.toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long before = usedMemory(connection);
            for (String key : keys) {
                for (int i = 0; i < limit.starts(); i++) {
                    limiter.request("memory-" + key, limit, Duration.ZERO).sent();
                }
            }
            long after = usedMemory(connection);
            System.out.printf("redis memory: %,d instances with full logs at %d/%s: %.1f MB (%,d bytes per instance)%n",
                    keys.length, limit.starts(), limit.window(), (after - before) / 1e6, (after - before) / keys.length);
        } finally {
            client.shutdown();
        }
    }

    /** Redis's own time per script call (INFO commandstats): the decision's cost without the round trip. */
    private static void scriptTime(URI url) {
        RedisClient client = RedisClient.create(url.toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().info("commandstats").lines().filter(line -> line.startsWith("cmdstat_evalsha:"))
                    .forEach(line -> System.out.println("redis " + line));
        } finally {
            client.shutdown();
        }
    }

    private static long usedMemory(StatefulRedisConnection<String, String> connection) {
        return connection.sync().info("memory").lines().filter(line -> line.startsWith("used_memory:"))
                .mapToLong(line -> Long.parseLong(line.substring("used_memory:".length()).trim())).findFirst().orElseThrow();
    }

    private static void decisions(RedisRateLimiter limiter, String[] keys, RateLimit limit, int seconds, int threads)
            throws InterruptedException {
        long[][] samples = new long[threads][];
        AtomicLong granted = new AtomicLong();
        AtomicLong total = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] own = new long[1 << 20];
                long count = 0;
                long started = 0;
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                while (System.nanoTime() < end) {
                    String key = keys[random.nextInt(keys.length)];
                    long t0 = System.nanoTime();
                    try {
                        limiter.request(key, limit, Duration.ZERO).sent();
                        started++;
                    } catch (RateLimitedException refused) {
                        // a decision as well
                    }
                    own[(int) (count & (own.length - 1))] = System.nanoTime() - t0;
                    count++;
                }
                samples[seed] = Arrays.copyOf(own, (int) Math.min(count, own.length));
                granted.addAndGet(started);
                total.addAndGet(count);
                done.countDown();
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("redis decisions, %d thread(s), %,d instances at %d/%s: %,.0f decisions/s (%.0f%% started),"
                        + " p50 %.0f µs, p99 %.0f µs, p99.9 %.0f µs, max %.0f µs%n",
                threads, keys.length, limit.starts(), limit.window(), total.get() / elapsed,
                100.0 * granted.get() / total.get(), pct(all, 0.50), pct(all, 0.99), pct(all, 0.999),
                all[all.length - 1] / 1e3);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e3;
    }
}
