-- A waiter of RedisRateLimiter woke at its reserved start: may it send now?
-- KEYS[1] the instance's reservation log; ARGV[1] reservation id, ARGV[2] µs the caller still accepts to wait
-- Returns {status, start, now}: 0 = the reservation is gone (trimmed after a very late wake-up: reserve again),
-- 1 = start now, 2 = it was moved (a pause) beyond the wait and is withdrawn, 4 = it was moved: wait until start.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local start = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not start then return {0, 0, now} end
start = tonumber(start)
if start <= now then return {1, start, now} end
if start - now > tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return {2, start, now}
end
return {4, start, now}
