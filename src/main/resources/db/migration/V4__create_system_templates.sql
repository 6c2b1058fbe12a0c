-- The marketplace: connector definitions ("system templates"), each version kept as it was
-- loaded or imported, so that an installed connector can name exactly what it came from.
CREATE TABLE system_templates (
    id           BIGSERIAL PRIMARY KEY,
    key          VARCHAR(100) NOT NULL,
    version      VARCHAR(50)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    system_type  VARCHAR(50)  NOT NULL,
    definition   JSONB        NOT NULL,
    source       VARCHAR(20)  NOT NULL CHECK (source IN ('bundled', 'imported')),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (key, version)
);

-- The authentication methods of a definition version, addressable by id for
-- POST /api/v1/connector-instances (authentication_implementation_template_id).
CREATE TABLE authentication_implementation_templates (
    id                  BIGSERIAL PRIMARY KEY,
    system_template_id  BIGINT       NOT NULL REFERENCES system_templates (id) ON DELETE CASCADE,
    key                 VARCHAR(100) NOT NULL,
    name                VARCHAR(255) NOT NULL,
    authentication_type VARCHAR(50)  NOT NULL,
    position            INTEGER      NOT NULL DEFAULT 0,
    UNIQUE (system_template_id, key)
);

-- What an installed connector came from, so that a newer version can be applied to it.
ALTER TABLE systems ADD COLUMN system_template_version VARCHAR(50);
ALTER TABLE authentication_implementations ADD COLUMN template_key VARCHAR(100);
ALTER TABLE endpoints ADD COLUMN template_key VARCHAR(100);
