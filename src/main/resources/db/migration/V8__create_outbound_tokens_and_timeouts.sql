-- Tokens that an instance obtained (OAuth 2, sessions), encrypted like secret variables, so that
-- every node reuses one token until shortly before it expires instead of fetching one per request.
CREATE TABLE connector_tokens (
    connector_id             BIGINT      PRIMARY KEY REFERENCES connectors (id) ON DELETE CASCADE,
    company_id               BIGINT      NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    access_token_encrypted   TEXT        NOT NULL,
    refresh_token_encrypted  TEXT,
    expires_at               TIMESTAMPTZ,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The single-use states of OAuth 2 authorisation-code consents in progress. Only a hash is kept:
-- the state itself travels through the user's browser.
CREATE TABLE oauth_states (
    state_hash    VARCHAR(64) PRIMARY KEY,
    company_id    BIGINT      NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    connector_id  BIGINT      NOT NULL REFERENCES connectors (id) ON DELETE CASCADE,
    redirect_uri  VARCHAR(2048) NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX oauth_states_expires ON oauth_states (expires_at);

-- Per-system timeouts (seconds); null means patchbay.outbound.connect-timeout / read-timeout.
ALTER TABLE systems
    ADD COLUMN connect_timeout INTEGER CHECK (connect_timeout BETWEEN 1 AND 600),
    ADD COLUMN read_timeout    INTEGER CHECK (read_timeout BETWEEN 1 AND 3600);
