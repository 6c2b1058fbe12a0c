-- Pauses an instance (an upstream 429/503 with Retry-After) and holds back the reservations already made.
-- KEYS[1] the instance's reservation log, KEYS[2] the end of its pause
-- ARGV[1] the pause's length in µs from now (Redis time: the nodes' clocks play no part)
-- Returns {status, until, now}: 1 = paused until `until`, 0 = an equal or later pause was already set.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local length = tonumber(ARGV[1])
local untilAt = now + length
local current = tonumber(redis.call('GET', KEYS[2]))
if current and current >= untilAt then return {0, current, now} end
redis.call('SET', KEYS[2], string.format('%.0f', untilAt), 'PX', math.ceil(length / 1000) + 1000)

-- Reservations not yet due all move back by the same shift, so that the first of them starts when the pause
-- ends. Their spacing and order (FIFO) stay; their distance to the starts already made only grows, so no
-- window gains a start.
local due = string.format('(%.0f', now)
local first = redis.call('ZRANGEBYSCORE', KEYS[1], due, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
if first[2] and tonumber(first[2]) < untilAt then
  local shift = untilAt - tonumber(first[2])
  local waiting = redis.call('ZRANGEBYSCORE', KEYS[1], due, '+inf', 'WITHSCORES')
  for i = 1, #waiting, 2 do
    redis.call('ZADD', KEYS[1], tonumber(waiting[i + 1]) + shift, waiting[i])
  end
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl + math.ceil(shift / 1000)) end
end
return {1, untilAt, now}
