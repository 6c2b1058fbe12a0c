-- Reserves the start of one request of an instance (RedisRateLimiter). Atomic: Redis runs one script at a time.
-- KEYS[1] the instance's reservation log: a sorted set, member = reservation id, score = start in µs of Redis time
-- KEYS[2] the end of the instance's pause, in µs of Redis time (absent when not paused)
-- ARGV[1] reservation id, ARGV[2] N (starts per window), ARGV[3] window + safety margin in µs,
-- ARGV[4] the longest wait the caller accepts in µs, ARGV[5] the queue bound
-- Returns {status, start, now, ahead}: status 1 = reserved (it starts at once when start <= now),
-- 2 = refused, the start lies beyond the wait; 3 = refused, the queue is full. ahead = reservations not yet due.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local n = tonumber(ARGV[2])
local span = tonumber(ARGV[3])
-- Starts at or before now - span can no longer share a window with a start at or after now.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)

-- The earliest start that keeps the invariant: not before now, the pause, the last reservation (FIFO),
-- nor the N-th most recent reservation plus the window.
local start = now
local pause = tonumber(redis.call('GET', KEYS[2]))
if pause and pause > start then start = pause end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) > start then start = tonumber(last[2]) end
if redis.call('ZCARD', KEYS[1]) >= n then
  local nth = redis.call('ZRANGE', KEYS[1], -n, -n, 'WITHSCORES')
  if tonumber(nth[2]) + span > start then start = tonumber(nth[2]) + span end
end

local ahead = redis.call('ZCOUNT', KEYS[1], string.format('(%.0f', now), '+inf')
if ahead >= tonumber(ARGV[5]) then return {3, start, now, ahead} end
if start - now > tonumber(ARGV[4]) then return {2, start, now, ahead} end
redis.call('ZADD', KEYS[1], start, ARGV[1])
-- The log is needed until its last reservation has left the window: an idle instance takes no memory.
redis.call('PEXPIRE', KEYS[1], math.ceil((start - now + span) / 1000) + 1000)
return {1, start, now, ahead}
