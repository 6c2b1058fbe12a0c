-- The live state of an instance's rate limit (RedisRateLimiter.usage). KEYS as in rate-acquire.lua.
-- ARGV[1] N, ARGV[2] span (window + safety margin) in µs
-- Returns {starts held (pending, or sent within the window), waiters, when a request asking now would be
-- granted, the end of the pause or 0, now}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local n = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local held = redis.call('ZCOUNT', KEYS[1], string.format('(%.0f', now), '+inf')
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
local waiting = redis.call('ZCARD', KEYS[2])
for _, id in ipairs(dead) do
  if redis.call('ZSCORE', KEYS[2], id) then waiting = waiting - 1 end
end
local pause = tonumber(redis.call('GET', KEYS[6])) or 0
-- The projection of rate-acquire.lua for k = waiting (read only: the expired slots are skipped, not removed).
local pad = math.max(0, n - held)
local index = math.max(0, held - n) + waiting % n
local free = now
if index >= pad then
  local slot = redis.call('ZRANGEBYSCORE', KEYS[1], string.format('(%.0f', now), '+inf', 'WITHSCORES', 'LIMIT', index - pad, 1)
  free = math.min(tonumber(slot[2]), now + span)
end
local start = math.max(free, pause, now) + math.floor(waiting / n) * span
return {held, waiting, start, pause, now}
