-- Gives a slot back (a pool slot, or a rate limit's start that was granted and not sent), or withdraws a
-- waiter, and wakes the waiters of every node (RedisSlotQueues).
-- KEYS as in slot-claim.lua; ARGV[1] slot or waiter id, ARGV[2] channel, ARGV[3] the queue's id
-- Returns {1} when the id held a slot or a place, {0} otherwise (its lease had run out).
local removed = redis.call('ZREM', KEYS[1], ARGV[1]) + redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
if #KEYS >= 5 then redis.call('ZREM', KEYS[5], ARGV[1]) end
if removed > 0 and redis.call('ZCARD', KEYS[2]) > 0 then
  redis.call('PUBLISH', ARGV[2], ARGV[3])
end
return {removed}
