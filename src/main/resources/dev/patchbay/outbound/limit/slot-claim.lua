-- A node claims the slots owed to its waiters of one queue and renews their places (RedisSlotQueues: the
-- connection pools' slots and the rate limits' starts). Atomic: Redis runs one script at a time.
-- KEYS[1] slots held: sorted set, member = id, score = when the slot frees (µs of Redis time)
-- KEYS[2] the FIFO queue: sorted set, member = waiter id, score = its number in the order of arrival
-- KEYS[3] the waiters' leases: sorted set, member = waiter id, score = end of its lease
-- KEYS[4] the counter that numbers arrivals
-- Rate limits only (6 keys): KEYS[5] pending starts (granted, not sent): member = id, score = end of its
-- lease; KEYS[6] the end of the instance's pause (µs of Redis time).
-- ARGV[1] the limit (slots), ARGV[2] lease in µs, ARGV[3] span in µs (0 for a pool; for a rate limit the
-- window + safety margin: a slot frees one span after its start), ARGV[4..] this node's waiter ids
-- Returns {granted ids, lost ids, now, wake}: granted now hold a slot; lost are no longer queued (their
-- lease ran out); wake = when a slot frees or the pause ends, while waiters remain (0: nothing to time).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local rate = #KEYS >= 6
-- Freed slots (a pool slot whose lease ran out; a start one span after its send) and dead waiters go.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, id in ipairs(dead) do redis.call('ZREM', KEYS[2], id) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
local pause = 0
if rate then
  -- A pending start whose lease ran out (its node died) is no longer renewable; its slot stays until
  -- lease end + span, as if sent at the last moment its node could have sent it.
  redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
  pause = tonumber(redis.call('GET', KEYS[6])) or 0
end

local lease = now + tonumber(ARGV[2])
local span = tonumber(ARGV[3])
local mine = {}
for i = 4, #ARGV do mine[ARGV[i]] = true end
local granted = {}
-- The first `free` waiters are owed the free slots, whichever node they wait on: this node takes those of
-- them that are its own; the others stay owed to their nodes, so nobody is overtaken.
local free = tonumber(ARGV[1]) - redis.call('ZCARD', KEYS[1])
if free > 0 and pause <= now then
  local head = redis.call('ZRANGE', KEYS[2], 0, free - 1)
  for _, id in ipairs(head) do
    if mine[id] then
      redis.call('ZREM', KEYS[2], id)
      redis.call('ZREM', KEYS[3], id)
      redis.call('ZADD', KEYS[1], lease + span, id)
      if rate then redis.call('ZADD', KEYS[5], lease, id) end
      mine[id] = nil
      granted[#granted + 1] = id
    end
  end
end
local lost = {}
for i = 4, #ARGV do
  local id = ARGV[i]
  if mine[id] then
    if redis.call('ZSCORE', KEYS[3], id) then
      redis.call('ZADD', KEYS[3], lease, id)
    else
      lost[#lost + 1] = id
    end
  end
end

local wake = 0
if rate then
  -- A sent start's expiry publishes nothing: the nodes with waiters time their next claim by it.
  if redis.call('ZCARD', KEYS[2]) > 0 then
    local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    if first[2] then wake = tonumber(first[2]) end
    if pause > now and (pause > wake or free > 0) then wake = pause end
  end
  -- Everything here lives at most lease + span: an idle instance's keys go.
  local ttl = math.ceil((tonumber(ARGV[2]) + span) / 1000) + 1000
  for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
end
return {granted, lost, now, wake}
