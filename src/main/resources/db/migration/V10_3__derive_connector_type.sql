-- A connector's type is its system's protocol, as a create sets it; updates used to store free text.
UPDATE connectors c
SET type = lower(s.protocol)
FROM authentication_implementations ai
JOIN systems s ON s.id = ai.system_id
WHERE ai.id = c.authentication_implementation_id
  AND c.type IS DISTINCT FROM lower(s.protocol);
