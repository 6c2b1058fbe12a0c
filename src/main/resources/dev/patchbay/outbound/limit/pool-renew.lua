-- Renews the leases of the slots a node holds (its heartbeat, RedisConcurrencyPool).
-- KEYS[1] slots; ARGV[1] lease in µs, ARGV[2..] slot ids. Returns {how many had already expired}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local lease = now + tonumber(ARGV[1])
local lost = 0
for i = 2, #ARGV do
  local leaseEnd = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if leaseEnd and tonumber(leaseEnd) > now then
    redis.call('ZADD', KEYS[1], lease, ARGV[i])
  else
    lost = lost + 1
  end
end
return {lost}
