package dev.patchbay.outbound;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.InProcessPool;
import dev.patchbay.outbound.limit.RateLimiter;
import dev.patchbay.outbound.limit.SlidingWindowLimiter;
import dev.patchbay.outbound.limit.SystemTimeSource;
import dev.patchbay.outbound.limit.UpstreamPause;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The limits of the send path (DESIGN §5): kept in this process by default; with {@code patchbay.redis.url}
 * set, {@link RedisLimitsConfig} supplies the rate limiter and the pool instead, shared by every node.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfig {

    @Bean(destroyMethod = "close")
    SystemTimeSource limitsTimeSource(Clock clock) {
        return new SystemTimeSource(clock);
    }

    @Bean
    @Conditional(RedisLimitsConfig.NotConfigured.class)
    RateLimiter rateLimiter(SystemTimeSource time, PatchbayProperties properties) {
        PatchbayProperties.Outbound outbound = properties.outbound();
        return new SlidingWindowLimiter(time, outbound.safetyMargin(), outbound.queueLimit());
    }

    @Bean
    @Conditional(RedisLimitsConfig.NotConfigured.class)
    ConcurrencyPool concurrencyPool(SystemTimeSource time) {
        return new InProcessPool(time);
    }

    @Bean
    UpstreamPause upstreamPause(RateLimiter limiter, Clock clock) {
        return new UpstreamPause(limiter, clock);
    }
}
