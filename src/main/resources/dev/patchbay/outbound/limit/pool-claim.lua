-- A node claims slots for its waiters of one pool and renews their places (RedisConcurrencyPool).
-- KEYS[1] slots, KEYS[2] queue, KEYS[3] waiters' leases (as in pool-acquire.lua)
-- ARGV[1] the pool's limit, ARGV[2] lease in µs, ARGV[3..] this node's waiter ids
-- Returns {granted ids, lost ids}: granted now hold a slot; lost are no longer queued (their lease ran out).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, id in ipairs(dead) do redis.call('ZREM', KEYS[2], id) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)

local lease = now + tonumber(ARGV[2])
local mine = {}
for i = 3, #ARGV do mine[ARGV[i]] = true end
local granted = {}
-- The first `free` waiters are owed the free slots, whichever node they wait on: this node takes those of
-- them that are its own; the others stay owed to their nodes, so nobody is overtaken.
local free = tonumber(ARGV[1]) - redis.call('ZCARD', KEYS[1])
if free > 0 then
  local head = redis.call('ZRANGE', KEYS[2], 0, free - 1)
  for _, id in ipairs(head) do
    if mine[id] then
      redis.call('ZREM', KEYS[2], id)
      redis.call('ZREM', KEYS[3], id)
      redis.call('ZADD', KEYS[1], lease, id)
      mine[id] = nil
      granted[#granted + 1] = id
    end
  end
end
local lost = {}
for i = 3, #ARGV do
  local id = ARGV[i]
  if mine[id] then
    if redis.call('ZSCORE', KEYS[3], id) then
      redis.call('ZADD', KEYS[3], lease, id)
    else
      lost[#lost + 1] = id
    end
  end
end
return {granted, lost}
