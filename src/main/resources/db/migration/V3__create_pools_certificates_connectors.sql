CREATE TABLE connection_pools (
    id          BIGSERIAL PRIMARY KEY,
    company_id  BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    "limit"     INTEGER      NOT NULL CHECK ("limit" >= 1),
    timeout     INTEGER      CHECK (timeout >= 1),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX connection_pools_company ON connection_pools (company_id);

-- Client certificates for mutual TLS; the content and passphrase are stored encrypted.
CREATE TABLE certificates (
    id                    BIGSERIAL PRIMARY KEY,
    company_id            BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id               BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    name                  VARCHAR(255) NOT NULL,
    format                VARCHAR(10)  NOT NULL CHECK (format IN ('pem', 'pkcs12')),
    content_encrypted     TEXT         NOT NULL,
    passphrase_encrypted  TEXT,
    subject               VARCHAR(1024),
    expires_at            TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX certificates_company ON certificates (company_id);

-- The API's "connector": a company's configured instance of one authentication implementation.
CREATE TABLE connectors (
    id                                BIGSERIAL PRIMARY KEY,
    company_id                        BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name                              VARCHAR(255) NOT NULL,
    type                              VARCHAR(50)  NOT NULL DEFAULT 'http',
    authentication_implementation_id  BIGINT       NOT NULL REFERENCES authentication_implementations (id),
    timezone                          VARCHAR(64)  NOT NULL,
    date_format                       VARCHAR(100) NOT NULL,
    rate_limit_duration               INTEGER      NOT NULL CHECK (rate_limit_duration >= 1),
    rate_limit_unit                   VARCHAR(10)  NOT NULL CHECK (rate_limit_unit IN ('second', 'minute', 'hour', 'day')),
    connection_pool_id                BIGINT       REFERENCES connection_pools (id),
    certificate_id                    BIGINT       REFERENCES certificates (id),
    session_id                        VARCHAR(255),
    platform_app_key                  VARCHAR(255),
    created_at                        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX connectors_company ON connectors (company_id, id);
CREATE INDEX connectors_authentication_implementation ON connectors (authentication_implementation_id);

-- One table for the three kinds of variable (templates of an authentication implementation,
-- an endpoint's own variables, and a connector's values): they share shape, rules and masking.
-- Secret values are stored encrypted (see SecretCipher).
CREATE TABLE variables (
    id                                BIGSERIAL PRIMARY KEY,
    company_id                        BIGINT        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    authentication_implementation_id  BIGINT        REFERENCES authentication_implementations (id) ON DELETE CASCADE,
    endpoint_id                       BIGINT        REFERENCES endpoints (id) ON DELETE CASCADE,
    connector_id                      BIGINT        REFERENCES connectors (id) ON DELETE CASCADE,
    key                               VARCHAR(255)  NOT NULL,
    value                             TEXT,
    label                             VARCHAR(255)  NOT NULL,
    secret                            BOOLEAN       NOT NULL DEFAULT false,
    locked                            BOOLEAN       NOT NULL DEFAULT false,
    alias                             VARCHAR(255),
    configurable                      BOOLEAN       NOT NULL DEFAULT true,
    required                          BOOLEAN       NOT NULL DEFAULT false,
    advanced                          BOOLEAN       NOT NULL DEFAULT false,
    position                          INTEGER       NOT NULL DEFAULT 0,
    CHECK (num_nonnulls(authentication_implementation_id, endpoint_id, connector_id) = 1)
);
CREATE INDEX variables_authentication_implementation ON variables (authentication_implementation_id);
CREATE INDEX variables_endpoint ON variables (endpoint_id);
CREATE INDEX variables_connector ON variables (connector_id);

CREATE TABLE process_flows (
    id          BIGSERIAL PRIMARY KEY,
    company_id  BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX process_flows_company ON process_flows (company_id);

-- A connector step ("shape"). RESTRICT backs up the service's own in-use check.
CREATE TABLE process_flow_steps (
    id               BIGSERIAL PRIMARY KEY,
    process_flow_id  BIGINT  NOT NULL REFERENCES process_flows (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL DEFAULT 0,
    connector_id     BIGINT  NOT NULL REFERENCES connectors (id) ON DELETE RESTRICT,
    endpoint_id      BIGINT  REFERENCES endpoints (id)
);
CREATE INDEX process_flow_steps_connector ON process_flow_steps (connector_id);
CREATE INDEX process_flow_steps_flow ON process_flow_steps (process_flow_id);
