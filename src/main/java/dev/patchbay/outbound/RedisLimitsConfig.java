package dev.patchbay.outbound;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.limit.ConcurrencyPool;
import dev.patchbay.outbound.limit.LimitsRedis;
import dev.patchbay.outbound.limit.RateLimiter;
import dev.patchbay.outbound.limit.RedisConcurrencyPool;
import dev.patchbay.outbound.limit.RedisRateLimiter;
import dev.patchbay.outbound.limit.SystemTimeSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Several nodes (DESIGN §5): with {@code patchbay.redis.url} set, the rate limits (their start slots, queues
 * and pauses) and the connection pools' slots live in that Redis, so every node that names it keeps the same
 * limits. The pause of an upstream 429/503 lives in the rate limiter, so it is shared too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisLimitsConfig.Configured.class)
class RedisLimitsConfig {

    @Bean(destroyMethod = "close")
    LimitsRedis limitsRedis(PatchbayProperties properties) {
        PatchbayProperties.Redis redis = properties.redis();
        return new LimitsRedis(redis.url(), redis.keyPrefix(), redis.commandTimeout());
    }

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(LimitsRedis redis, SystemTimeSource time, PatchbayProperties properties) {
        PatchbayProperties.Outbound outbound = properties.outbound();
        return new RedisRateLimiter(redis, time, outbound.safetyMargin(), outbound.queueLimit(), properties.redis().leaseTime());
    }

    @Bean(destroyMethod = "close")
    ConcurrencyPool concurrencyPool(LimitsRedis redis, SystemTimeSource time, PatchbayProperties properties) {
        return new RedisConcurrencyPool(redis, time, properties.redis().leaseTime());
    }

    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("patchbay.redis.url"));
        }
    }

    static final class NotConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("patchbay.redis.url"));
        }
    }
}
