-- A login attempt counted by login-attempt.lua had the right password (RedisLoginCounters): it is taken back
-- from its address's count, and the address and account's count is removed.
-- KEYS[1] the address's count, KEYS[2] the address and account's
-- Returns {}.
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then
  redis.call('DECR', KEYS[1]) -- keeps the key's expiry
end
redis.call('DEL', KEYS[2])
return {}
