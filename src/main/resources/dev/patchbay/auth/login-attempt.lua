-- Counts one login attempt for its client address and for its address and account (RedisLoginCounters),
-- unless either count has reached its limit. A count lives for one window from its first failure.
-- KEYS[1] the address's count, KEYS[2] the address and account's; ARGV[1] address limit, ARGV[2] account limit,
-- ARGV[3] window in milliseconds
-- Returns {0} when the attempt was counted, or {wait} (milliseconds, at least 1) until neither count is at its limit.
local limits = {tonumber(ARGV[1]), tonumber(ARGV[2])}
local window = tonumber(ARGV[3])
local wait = 0
for i = 1, 2 do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= limits[i] then
    local left = redis.call('PTTL', KEYS[i])
    if left < 0 then
      -- a count without an expiry (never written so by these scripts): give it one rather than block for ever
      redis.call('PEXPIRE', KEYS[i], window)
      left = window
    end
    wait = math.max(wait, left, 1)
  end
end
if wait > 0 then
  return {wait}
end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], window)
  end
end
return {0}
