-- Reference data shared by every company.
CREATE TABLE system_types (
    id    BIGSERIAL PRIMARY KEY,
    name  VARCHAR(50) NOT NULL UNIQUE
);
INSERT INTO system_types (name) VALUES
    ('Accounting'), ('CRM'), ('eCommerce'), ('ERP'), ('Marketplaces'), ('Other'),
    ('PIM'), ('POS'), ('3PL'), ('WMS'), ('Database');

-- Each authentication type is implemented once in code; rows here name them.
CREATE TABLE authentication_types (
    id    BIGSERIAL PRIMARY KEY,
    key   VARCHAR(50)  NOT NULL UNIQUE,
    name  VARCHAR(100) NOT NULL
);
INSERT INTO authentication_types (key, name) VALUES
    ('none', 'No Auth'),
    ('basic', 'Basic Auth'),
    ('token', 'Token'),
    ('oauth2_client_credentials', 'OAuth 2 Client Credentials'),
    ('oauth2_authorization_code', 'OAuth 2 Authorisation Code'),
    ('oauth1', 'OAuth 1'),
    ('session', 'Session');

CREATE TABLE entity_types (
    id    BIGSERIAL PRIMARY KEY,
    name  VARCHAR(100) NOT NULL UNIQUE
);
INSERT INTO entity_types (name) VALUES
    ('Orders'), ('Products'), ('Customers'), ('Inventory'), ('Fulfilments'), ('Refunds'),
    ('Invoices'), ('Payments'), ('Shipments'), ('Other');

-- An installed connector: a system of one company, usually from a definition (system_template_id).
CREATE TABLE systems (
    id                           BIGSERIAL PRIMARY KEY,
    company_id                   BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name                         VARCHAR(255) NOT NULL,
    label                        VARCHAR(255),
    canonical_key                VARCHAR(100) NOT NULL,
    system_type_id               BIGINT       NOT NULL REFERENCES system_types (id),
    protocol                     VARCHAR(20)  NOT NULL DEFAULT 'HTTP',
    colour                       VARCHAR(20),
    logo_url                     VARCHAR(2048),
    version                      VARCHAR(50),
    version_name                 VARCHAR(100),
    default_rate_limit_duration  INTEGER      NOT NULL DEFAULT 60 CHECK (default_rate_limit_duration >= 1),
    default_rate_limit_unit      VARCHAR(10)  NOT NULL DEFAULT 'minute'
                                   CHECK (default_rate_limit_unit IN ('second', 'minute', 'hour', 'day')),
    default_date_format          VARCHAR(100) NOT NULL DEFAULT 'Y-m-d H:i:s',
    help_link                    VARCHAR(2048),
    system_template_id           VARCHAR(100),
    base_url                     VARCHAR(2048),
    created_at                   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (company_id, canonical_key)
);
CREATE INDEX systems_template ON systems (company_id, system_template_id);

CREATE TABLE authentication_implementations (
    id                      BIGSERIAL PRIMARY KEY,
    company_id              BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    system_id               BIGINT       NOT NULL REFERENCES systems (id),
    authentication_type_id  BIGINT       NOT NULL REFERENCES authentication_types (id),
    name                    VARCHAR(255) NOT NULL,
    settings                JSONB        NOT NULL DEFAULT '{}',
    test_request            JSONB,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX authentication_implementations_system ON authentication_implementations (system_id);

CREATE TABLE endpoints (
    id                        BIGSERIAL PRIMARY KEY,
    company_id                BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    system_id                 BIGINT       NOT NULL REFERENCES systems (id),
    name                      VARCHAR(255) NOT NULL,
    http_method               VARCHAR(10)  NOT NULL,
    path                      VARCHAR(2048) NOT NULL,
    direction                 VARCHAR(10)  NOT NULL CHECK (direction IN ('Send', 'Receive')),
    data_type                 VARCHAR(10)  NOT NULL DEFAULT 'json' CHECK (data_type IN ('json', 'xml', 'csv', 'txt')),
    pagination_method         VARCHAR(50),
    returns_multiple_records  BOOLEAN      NOT NULL DEFAULT false,
    entity_type_id            BIGINT       REFERENCES entity_types (id),
    deprecated_at             TIMESTAMPTZ,
    created_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX endpoints_system ON endpoints (system_id);

-- Which endpoints an authentication implementation can call.
CREATE TABLE authentication_implementation_endpoint (
    authentication_implementation_id  BIGINT NOT NULL REFERENCES authentication_implementations (id) ON DELETE CASCADE,
    endpoint_id                       BIGINT NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
    PRIMARY KEY (authentication_implementation_id, endpoint_id)
);
CREATE INDEX authentication_implementation_endpoint_endpoint ON authentication_implementation_endpoint (endpoint_id);

CREATE TABLE endpoint_schemas (
    id           BIGSERIAL PRIMARY KEY,
    endpoint_id  BIGINT      NOT NULL UNIQUE REFERENCES endpoints (id) ON DELETE CASCADE,
    schema       JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Date/time and value filters an endpoint accepts, with the query parameter each one sets.
CREATE TABLE endpoint_filters (
    id           BIGSERIAL PRIMARY KEY,
    endpoint_id  BIGINT       NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,
    type         VARCHAR(10)  NOT NULL CHECK (type IN ('date', 'value')),
    parameter    VARCHAR(255) NOT NULL,
    operator     VARCHAR(20)  NOT NULL DEFAULT 'eq',
    position     INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX endpoint_filters_endpoint ON endpoint_filters (endpoint_id);

CREATE TABLE field_tags (
    id           BIGSERIAL PRIMARY KEY,
    endpoint_id  BIGINT       NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
    path         VARCHAR(1024) NOT NULL,
    tag          VARCHAR(100) NOT NULL
);
CREATE INDEX field_tags_endpoint ON field_tags (endpoint_id);
