-- Asks for a start of one request of an instance (RedisRateLimiter). Atomic: Redis runs one script at a time.
-- KEYS as in slot-claim.lua (6 keys): [1] slots: a start holds one from its grant until one span after its
-- send (score = when it frees, µs of Redis time), [2] queue, [3] waiters' leases, [4] arrival counter,
-- [5] pending starts (granted, not sent; score = end of lease), [6] end of the pause
-- ARGV[1] id, ARGV[2] N (starts per window), ARGV[3] lease in µs, ARGV[4] span (window + safety margin) in µs,
-- ARGV[5] the longest wait the caller accepts in µs, ARGV[6] the queue bound
-- Returns {status, projected grant, now, waiters ahead}: 1 = granted (a pending start, held now),
-- 2 = queued, 3 = refused: the grant lies beyond the wait, 4 = refused: the queue is full.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local n = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local span = tonumber(ARGV[4])
-- The window slides: slots whose start left it, pending starts of dead nodes (their slot stays until
-- lease end + span) and dead waiters go.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, id in ipairs(dead) do redis.call('ZREM', KEYS[2], id) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)

local pause = tonumber(redis.call('GET', KEYS[6])) or 0
local held = redis.call('ZCARD', KEYS[1])
local waiting = redis.call('ZCARD', KEYS[2])
local ttl = math.ceil((lease + span) / 1000) + 1000
-- Free slots beyond those owed to the waiters may go to a newcomer without overtaking anyone.
if pause <= now and waiting < n - held then
  redis.call('ZADD', KEYS[1], now + lease + span, ARGV[1])
  redis.call('ZADD', KEYS[5], now + lease, ARGV[1])
  for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
  return {1, now, now, 0}
end

-- When would the waiter with `waiting` others ahead be granted? The N slots free at: now (free), now + span
-- (pending: if sent at once), their score (sent); sorted, the k-th waiter takes the (k mod N)-th of them, one
-- span later per round: t(k) = max(pause, free[k mod N]) + (k div N) * span (as SlidingWindowLimiter).
-- Beyond N held (a lowered limit), the first held - N slots to free let nobody in.
local pad = math.max(0, n - held)
local index = math.max(0, held - n) + waiting % n
local free = now
if index >= pad then
  local slot = redis.call('ZRANGE', KEYS[1], index - pad, index - pad, 'WITHSCORES')
  free = math.min(tonumber(slot[2]), now + span)
end
local start = math.max(free, pause) + math.floor(waiting / n) * span

if waiting >= tonumber(ARGV[6]) then return {4, start, now, waiting} end
if start - now > tonumber(ARGV[5]) then return {3, start, now, waiting} end
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ARGV[1])
redis.call('ZADD', KEYS[3], now + lease, ARGV[1])
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
return {2, start, now, waiting}
