-- Companies are the tenants; every other company-owned row carries company_id.
CREATE TABLE companies (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- E-mail is unique across companies because login takes no company.
CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    company_id     BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name           VARCHAR(255) NOT NULL,
    email          VARCHAR(255) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    role           VARCHAR(20)  NOT NULL CHECK (role IN ('administrator', 'manager', 'standard')),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE INDEX users_company ON users (company_id);

-- Only a SHA-256 of each key is stored; the key itself is shown once at creation.
-- A platform key (company_id NULL, platform = true) administers companies.
CREATE TABLE api_keys (
    id            BIGSERIAL PRIMARY KEY,
    company_id    BIGINT       REFERENCES companies (id) ON DELETE CASCADE,
    platform      BOOLEAN      NOT NULL DEFAULT false,
    name          VARCHAR(255) NOT NULL,
    key_hash      CHAR(64)     NOT NULL UNIQUE,
    key_prefix    VARCHAR(12)  NOT NULL,
    read_only     BOOLEAN      NOT NULL DEFAULT false,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    CHECK (platform = (company_id IS NULL))
);
CREATE INDEX api_keys_company ON api_keys (company_id);
