package dev.patchbay.auth;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.limit.LimitsRedis;
import dev.patchbay.outbound.limit.LuaScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The login throttle's counts in the Redis that several nodes share ({@code patchbay.redis.url}), so
 * that an address's failures on one node count on every node. Same connection and key prefix as the
 * outbound limits: {@code <prefix>:login:{<address>}:address} and
 * {@code <prefix>:login:{<address>}:account:<digest>}, both in one Redis Cluster slot, changed together
 * by one script. Every count expires with its window, so Redis holds at most the failures of one
 * window; Redis must keep keys until they expire (no eviction policy that drops them early).
 *
 * <p>Redis not answering fails the sign-in with 503 (the API) or a retry message (the dashboard),
 * as the outbound limits do: without the shared counts nobody can say whether the attempt may go on.
 */
final class RedisLoginCounters implements LoginCounters {

    private static final LuaScript ATTEMPT = new LuaScript("/dev/patchbay/auth/login-attempt.lua");
    private static final LuaScript SUCCESS = new LuaScript("/dev/patchbay/auth/login-success.lua");

    private final LimitsRedis redis;
    private final String[] limits;

    RedisLoginCounters(LimitsRedis redis, PatchbayProperties.LoginThrottle limits) {
        this.redis = redis;
        this.limits = new String[] {Integer.toString(limits.addressFailures()), Integer.toString(limits.accountFailures()),
            Long.toString(limits.window().toMillis())};
    }

    @Override
    public Optional<Duration> tryCount(String address, String account) {
        List<Object> answer = redis.call(ATTEMPT, keys(address, account), limits);
        long wait = (Long) answer.get(0);
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    @Override
    public void succeeded(String address, String account) {
        redis.call(SUCCESS, keys(address, account));
    }

    private String[] keys(String address, String account) {
        return new String[] {redis.key("login", address, "address"), redis.key("login", address, "account:" + account)};
    }
}
