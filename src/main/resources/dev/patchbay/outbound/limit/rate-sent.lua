-- A granted start is being written to its connection now (RedisRateLimiter): its slot frees one span from now,
-- and its node stops renewing it. A sent start is never given back early.
-- KEYS as in slot-claim.lua; ARGV[1] id, ARGV[2] span in µs, ARGV[3] channel, ARGV[4] the instance's id
-- Returns {1} when the start still held its slot, {0} when it had lost it (its lease ran out by a whole span).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local span = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local held = redis.call('ZSCORE', KEYS[1], ARGV[1]) and 1 or 0
redis.call('ZREM', KEYS[5], ARGV[1])
-- Counted even when lost: the request is on its way, and the next decisions must see it.
redis.call('ZADD', KEYS[1], now + span, ARGV[1])
-- Its slot now frees earlier than its lease said: the nodes with waiters re-time their claims.
if redis.call('ZCARD', KEYS[2]) > 0 then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < math.ceil(span / 1000) + 1000 then redis.call('PEXPIRE', KEYS[1], math.ceil(span / 1000) + 1000) end
return {held}
