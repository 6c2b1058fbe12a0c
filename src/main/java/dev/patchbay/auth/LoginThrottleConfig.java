package dev.patchbay.auth;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.limit.LimitsRedis;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login throttle's counts: in the Redis of the outbound limits when {@code patchbay.redis.url} is
 * set (that configuration defines {@link LimitsRedis} only then), so that every node counts the same
 * failures; in this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfig {

    @Bean
    LoginThrottle loginThrottle(ObjectProvider<LimitsRedis> redis, PatchbayProperties properties, Clock clock) {
        PatchbayProperties.LoginThrottle limits = properties.auth().loginThrottle();
        LimitsRedis shared = redis.getIfAvailable();
        return new LoginThrottle(shared != null ? new RedisLoginCounters(shared, limits) : new InProcessLoginCounters(limits, clock));
    }
}
