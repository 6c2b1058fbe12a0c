-- Asks for a slot of a connection pool (RedisConcurrencyPool; claims, renewals and give-backs are slot-*.lua). Atomic: Redis runs one script at a time.
-- KEYS[1] slots in flight: sorted set, member = slot id, score = end of its lease (µs of Redis time)
-- KEYS[2] the FIFO queue: sorted set, member = waiter id, score = its number in the order of arrival
-- KEYS[3] the waiters' leases: sorted set, member = waiter id, score = end of its lease
-- KEYS[4] the counter that numbers arrivals
-- ARGV[1] slot or waiter id, ARGV[2] the pool's limit, ARGV[3] lease in µs, ARGV[4] 1 to wait when full, 0 not to
-- Returns {status, position}: 1 = granted, 0 = full and not waiting, 2 = queued at `position` (1-based).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
-- Leases not renewed belong to nodes that died: their slots and places come back.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, id in ipairs(dead) do redis.call('ZREM', KEYS[2], id) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)

local lease = now + tonumber(ARGV[3])
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
local waiting = redis.call('ZCARD', KEYS[2])
-- Free slots beyond those owed to the waiters may go to a newcomer without overtaking anyone.
if waiting < free then
  redis.call('ZADD', KEYS[1], lease, ARGV[1])
  return {1, 0}
end
if ARGV[4] == '0' then return {0, waiting + 1} end
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ARGV[1])
redis.call('ZADD', KEYS[3], lease, ARGV[1])
return {2, waiting + 1}
