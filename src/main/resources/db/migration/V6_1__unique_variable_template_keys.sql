-- A variable template's key is unique within its owner (settings name templates by key as {{key}}).
-- The builder's validator reports duplicates; these indexes settle concurrent writes.
CREATE UNIQUE INDEX variables_authentication_implementation_key ON variables (authentication_implementation_id, key)
    WHERE authentication_implementation_id IS NOT NULL;
CREATE UNIQUE INDEX variables_endpoint_key ON variables (endpoint_id, key)
    WHERE endpoint_id IS NOT NULL;
