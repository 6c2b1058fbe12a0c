-- Pools and certificates list the connectors that use them (includes, and the in-use check on delete).
CREATE INDEX connectors_connection_pool ON connectors (connection_pool_id) WHERE connection_pool_id IS NOT NULL;
CREATE INDEX connectors_certificate ON connectors (certificate_id) WHERE certificate_id IS NOT NULL;
