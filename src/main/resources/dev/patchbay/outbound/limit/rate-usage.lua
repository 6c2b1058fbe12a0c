-- The live state of an instance's rate limit (RedisRateLimiter.usage).
-- KEYS[1] the reservation log, KEYS[2] the end of the pause; ARGV[1] N, ARGV[2] window + margin in µs, ARGV[3] window in µs
-- Returns {started in the window ending now, reservations not yet due, when a request asking now would start,
-- the end of the pause or 0, now}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local n = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local started = redis.call('ZCOUNT', KEYS[1], string.format('(%.0f', now - tonumber(ARGV[3])), string.format('%.0f', now))
local queued = redis.call('ZCOUNT', KEYS[1], string.format('(%.0f', now), '+inf')
local nextStart = now
local pause = tonumber(redis.call('GET', KEYS[2])) or 0
if pause > nextStart then nextStart = pause end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) > nextStart then nextStart = tonumber(last[2]) end
if redis.call('ZCARD', KEYS[1]) >= n then
  local nth = redis.call('ZRANGE', KEYS[1], -n, -n, 'WITHSCORES')
  if tonumber(nth[2]) + span > nextStart then nextStart = tonumber(nth[2]) + span end
end
return {started, queued, nextStart, pause, now}
