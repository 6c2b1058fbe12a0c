-- Renews the leases of the slots a node holds (its heartbeat, RedisSlotQueues).
-- KEYS as in slot-claim.lua; ARGV[1] the limit (unused), ARGV[2] lease in µs, ARGV[3] span in µs, ARGV[4..] ids.
-- A pool slot is renewed while its lease runs; a rate limit's start only while it is pending (KEYS[5]): a sent
-- start keeps the score its send gave it. Returns {how many had already expired}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local lease = now + tonumber(ARGV[2])
local span = tonumber(ARGV[3])
local rate = #KEYS >= 6
local lost = 0
for i = 4, #ARGV do
  local leaseEnd = redis.call('ZSCORE', KEYS[rate and 5 or 1], ARGV[i])
  if leaseEnd and tonumber(leaseEnd) > now then
    redis.call('ZADD', KEYS[1], lease + span, ARGV[i])
    if rate then redis.call('ZADD', KEYS[5], lease, ARGV[i]) end
  else
    lost = lost + 1
  end
end
if rate then
  local ttl = math.ceil((tonumber(ARGV[2]) + span) / 1000) + 1000
  for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
end
return {lost}
