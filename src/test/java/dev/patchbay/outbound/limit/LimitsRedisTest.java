package dev.patchbay.outbound.limit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node configured for several nodes does not start without its Redis, and never repeats its password. */
class LimitsRedisTest {

    @Test
    void shouldRefuseToStartWithoutItsRedisAndKeepThePasswordOutOfTheMessage() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        URI unreachable = URI.create("redis://:secret-redis-password@127.0.0.1:1");

        assertThatThrownBy(() -> new LimitsRedis(unreachable, "test", Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("patchbay.redis.url")
                .hasMessageNotContaining("secret-redis-password")
                .hasNoCause();
    }

    @Test
    void shouldRefuseAUrlThatIsNotRedisWithoutRepeatingIt() {
        URI wrong = URI.create("http://user:secret-redis-password@127.0.0.1:6379");

        assertThatThrownBy(() -> new LimitsRedis(wrong, "test", Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-redis-password");
    }
}
