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
import org.springframework.context.annotation.Configuration;

/** The single-node limits: rate limits, pools and pauses kept in this process (DESIGN §5). */
@Configuration(proxyBeanMethods = false)
class LimitsConfig {

    @Bean(destroyMethod = "close")
    SystemTimeSource limitsTimeSource(Clock clock) {
        return new SystemTimeSource(clock);
    }

    @Bean
    RateLimiter rateLimiter(SystemTimeSource time, PatchbayProperties properties) {
        PatchbayProperties.Outbound outbound = properties.outbound();
        return new SlidingWindowLimiter(time, outbound.safetyMargin(), outbound.queueLimit());
    }

    @Bean
    ConcurrencyPool concurrencyPool(SystemTimeSource time) {
        return new InProcessPool(time);
    }

    @Bean
    UpstreamPause upstreamPause(RateLimiter limiter, Clock clock) {
        return new UpstreamPause(limiter, clock);
    }
}
