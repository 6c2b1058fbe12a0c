-- Pauses an instance (an upstream 429/503 with Retry-After): nothing is granted before its end (RedisRateLimiter).
-- KEYS[1] the end of the instance's pause (µs of Redis time); ARGV[1] the pause's length in µs from now
-- Returns {status, until, now}: 1 = paused until `until`, 0 = an equal or later pause was already set
-- (a later pause extends, never shortens).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local length = tonumber(ARGV[1])
local untilAt = now + length
local current = tonumber(redis.call('GET', KEYS[1]))
if current and current >= untilAt then return {0, current, now} end
redis.call('SET', KEYS[1], string.format('%.0f', untilAt), 'PX', math.ceil(length / 1000) + 1000)
return {1, untilAt, now}
