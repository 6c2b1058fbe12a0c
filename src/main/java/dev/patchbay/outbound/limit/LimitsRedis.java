package dev.patchbay.outbound.limit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The Redis that several nodes share their limits through: one Lettuce connection (thread-safe and
 * pipelined, so every caller of this node shares it), one more for pub/sub, and an executor on which
 * the limits complete their waiters, so that nothing a caller chains on a ticket ever runs on (or
 * blocks) Lettuce's I/O threads.
 *
 * <p>Connects at construction: a node configured for several nodes does not start without its Redis,
 * since running on private limits would break the shared guarantee. After the start, Lettuce
 * reconnects by itself; meanwhile requests fail with {@link LimitsUnavailableException}.
 */
public final class LimitsRedis implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final ExecutorService callbacks;
    private final String keyPrefix;
    private final Duration commandTimeout;

    public LimitsRedis(URI url, String keyPrefix, Duration commandTimeout) {
        this.client = RedisClient.create(redisUri(url, commandTimeout));
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .build());
        this.keyPrefix = keyPrefix;
        this.commandTimeout = commandTimeout;
        try {
            this.connection = client.connect();
            this.pubSub = client.connectPubSub();
        } catch (RuntimeException e) {
            client.shutdown();
            // Lettuce's message may carry the address and, with it, a password: keep only the kind.
            throw new IllegalStateException("Cannot connect to patchbay.redis.url (" + e.getClass().getSimpleName() + ")");
        }
        this.callbacks = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "patchbay-limits-redis");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static RedisURI redisUri(URI url, Duration commandTimeout) {
        try {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(commandTimeout);
            return uri;
        } catch (RuntimeException e) {
            // The parser's message repeats the URL, password included.
            throw new IllegalArgumentException("patchbay.redis.url is not a redis:// or rediss:// URL");
        }
    }

    /**
     * {@code <prefix>:<kind>:{<id>}:<part>}; the braces keep one instance's or pool's keys in one Redis Cluster slot.
     * Public for the login throttle (auth), which keeps its counters in the same Redis under the same prefix.
     */
    public String key(String kind, String id, String part) {
        return keyPrefix + ":" + kind + ":{" + id + "}:" + part;
    }

    String channel(String name) {
        return keyPrefix + ":" + name;
    }

    /** Runs {@code script} without waiting; the future completes on the callbacks executor. */
    CompletableFuture<List<Object>> run(LuaScript script, String[] keys, String... args) {
        return script.<List<Object>>run(connection.async(), keys, args).whenCompleteAsync((result, failure) -> {}, callbacks);
    }

    /** Runs {@code script} and waits for its answer, at most the command timeout; else {@link LimitsUnavailableException}. */
    public List<Object> call(LuaScript script, String[] keys, String... args) {
        return await(script.<List<Object>>run(connection.async(), keys, args));
    }

    <T> T await(CompletableFuture<T> future) {
        try {
            // Lettuce fails the command after the timeout; the extra second only guards against a lost answer.
            return future.get(commandTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LimitsUnavailableException(e);
        } catch (ExecutionException e) {
            throw new LimitsUnavailableException(e.getCause());
        } catch (TimeoutException e) {
            throw new LimitsUnavailableException(e);
        }
    }

    /** Calls {@code listener} with every message on {@code channel}, on the callbacks executor. */
    void subscribe(String channel, Consumer<String> listener) {
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (from.equals(channel)) {
                    callbacks.execute(() -> listener.accept(message));
                }
            }
        });
        await(pubSub.async().subscribe(channel).toCompletableFuture());
    }

    @Override
    public void close() {
        pubSub.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        callbacks.shutdownNow();
    }
}
