package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.limit.LimitsRedis;
import dev.patchbay.support.EmbeddedRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counts of several nodes in one real Redis: two throttles, each over its own connection (as two
 * nodes have), under one key prefix.
 */
class RedisLoginCountersTests {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final PatchbayProperties.LoginThrottle LIMITS = new PatchbayProperties.LoginThrottle(3, 5, WINDOW, 0);

    private String prefix;
    private LimitsRedis redisA;
    private LimitsRedis redisB;
    private LoginThrottle nodeA;
    private LoginThrottle nodeB;

    @BeforeEach
    void twoNodes() {
        prefix = EmbeddedRedis.freshPrefix();
        redisA = new LimitsRedis(EmbeddedRedis.url(), prefix, Duration.ofSeconds(5));
        redisB = new LimitsRedis(EmbeddedRedis.url(), prefix, Duration.ofSeconds(5));
        nodeA = new LoginThrottle(new RedisLoginCounters(redisA, LIMITS));
        nodeB = new LoginThrottle(new RedisLoginCounters(redisB, LIMITS));
    }

    @AfterEach
    void stop() {
        redisA.close();
        redisB.close();
    }

    @Test
    void shouldShareOnePairsFailuresBetweenNodes() {
        LoginThrottle.Attempt guess = LoginThrottle.attempt("198.51.100.1", "victim@example.test");
        assertThat(nodeA.tryStart(guess)).isEmpty();
        assertThat(nodeB.tryStart(guess)).isEmpty();
        assertThat(nodeA.tryStart(guess)).isEmpty();

        Optional<Duration> wait = nodeB.tryStart(LoginThrottle.attempt("198.51.100.1", " Victim@Example.test"));

        assertThat(wait).hasValueSatisfying(w -> assertThat(w).isPositive().isLessThanOrEqualTo(WINDOW));
        assertThat(nodeA.tryStart(guess)).isPresent();
        assertThat(nodeB.tryStart(LoginThrottle.attempt("198.51.100.2", "victim@example.test"))).as("another address").isEmpty();
    }

    @Test
    void shouldShareOneAddressesFailuresOverAllAccountsBetweenNodes() {
        for (int account = 0; account < 5; account++) {
            LoginThrottle node = account % 2 == 0 ? nodeA : nodeB;
            assertThat(node.tryStart(LoginThrottle.attempt("2001:db8:1:2::1", "user-" + account + "@example.test"))).isEmpty();
        }

        assertThat(nodeA.tryStart(LoginThrottle.attempt("2001:db8:1:2::99", "new@example.test"))).as("the same /64").isPresent();
        assertThat(nodeB.tryStart(LoginThrottle.attempt("2001:db8:1:3::1", "new@example.test"))).as("another /64").isEmpty();
    }

    @Test
    void shouldTakeBackASuccessOnEveryNode() {
        LoginThrottle.Attempt login = LoginThrottle.attempt("198.51.100.1", "user@example.test");
        nodeA.tryStart(login);
        nodeA.tryStart(login);
        for (int i = 0; i < 10; i++) {
            assertThat(nodeB.tryStart(login)).as("login %d", i).isEmpty();
            nodeB.succeeded(login);
        }

        // The pair started afresh; the address holds the first two failures, and its limit is five.
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.tryStart(LoginThrottle.attempt("198.51.100.1", "other-" + i + "@example.test"))).isEmpty();
        }
        assertThat(nodeB.tryStart(LoginThrottle.attempt("198.51.100.1", "one-more@example.test"))).isPresent();
    }

    @Test
    void shouldLetNoMoreThanTheLimitThroughWhenAttemptsArriveAtOnce() throws Exception {
        LoginThrottle.Attempt guess = LoginThrottle.attempt("198.51.100.1", "victim@example.test");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                LoginThrottle node = i % 2 == 0 ? nodeA : nodeB;
                attempts.add(() -> node.tryStart(guess).isEmpty());
            }
            long started = 0;
            for (Future<Boolean> attempt : callers.invokeAll(attempts)) {
                started += attempt.get() ? 1 : 0;
            }
            assertThat(started).isEqualTo(3);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void shouldLetEveryCountExpireWithItsWindow() {
        nodeA.tryStart(LoginThrottle.attempt("198.51.100.1", "user@example.test"));

        RedisClient client = RedisClient.create(EmbeddedRedis.url().toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + ":login:*");
            assertThat(keys).hasSize(2).allSatisfy(key -> assertThat(connection.sync().pttl(key))
                    .isPositive().isLessThanOrEqualTo(WINDOW.toMillis()));
            assertThat(keys).noneMatch(key -> key.contains("user@example.test"));
        } finally {
            client.shutdown();
        }
    }
}
