-- Tenancy in the database itself: every reference from one company-owned row to another carries the
-- company on both sides, (company_id, x_id) -> (company_id, id), so a row can only point at a row of its
-- own company; a cross-tenant reference is refused by PostgreSQL whatever the code above it does.
-- Each referenced table gets UNIQUE (company_id, id) for the composite keys to point at. ON DELETE
-- behaviour is unchanged. References to data every company shares (system_types, authentication_types,
-- entity_types) stay as they are, and so do those of endpoint_schemas, endpoint_filters and field_tags:
-- they reference one company-owned row only and take its company.

ALTER TABLE users ADD CONSTRAINT users_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE systems ADD CONSTRAINT systems_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE authentication_implementations
    ADD CONSTRAINT authentication_implementations_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE endpoints ADD CONSTRAINT endpoints_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE connection_pools ADD CONSTRAINT connection_pools_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE certificates ADD CONSTRAINT certificates_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE connectors ADD CONSTRAINT connectors_company_id_id_key UNIQUE (company_id, id);
ALTER TABLE process_flows ADD CONSTRAINT process_flows_company_id_id_key UNIQUE (company_id, id);
-- The unique index above serves every lookup this one did.
DROP INDEX connectors_company;

-- An authentication implementation and an endpoint belong to a system of their own company.
ALTER TABLE authentication_implementations
    DROP CONSTRAINT authentication_implementations_system_id_fkey,
    ADD CONSTRAINT authentication_implementations_system_fkey FOREIGN KEY (company_id, system_id)
        REFERENCES systems (company_id, id);
ALTER TABLE endpoints
    DROP CONSTRAINT endpoints_system_id_fkey,
    ADD CONSTRAINT endpoints_system_fkey FOREIGN KEY (company_id, system_id) REFERENCES systems (company_id, id);

-- A link between an authentication implementation and an endpoint is of one company: it gets the
-- column to say which, taken from the implementation.
ALTER TABLE authentication_implementation_endpoint ADD COLUMN company_id BIGINT;
UPDATE authentication_implementation_endpoint l SET company_id = ai.company_id
    FROM authentication_implementations ai WHERE ai.id = l.authentication_implementation_id;
ALTER TABLE authentication_implementation_endpoint
    ALTER COLUMN company_id SET NOT NULL,
    DROP CONSTRAINT authentication_implementation_authentication_implementatio_fkey,
    DROP CONSTRAINT authentication_implementation_endpoint_endpoint_id_fkey,
    ADD CONSTRAINT authentication_implementation_endpoint_implementation_fkey
        FOREIGN KEY (company_id, authentication_implementation_id)
        REFERENCES authentication_implementations (company_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT authentication_implementation_endpoint_endpoint_fkey FOREIGN KEY (company_id, endpoint_id)
        REFERENCES endpoints (company_id, id) ON DELETE CASCADE;

-- A certificate's uploader is a user of its company; deleting the user still only forgets who it was.
ALTER TABLE certificates
    DROP CONSTRAINT certificates_user_id_fkey,
    ADD CONSTRAINT certificates_user_fkey FOREIGN KEY (company_id, user_id)
        REFERENCES users (company_id, id) ON DELETE SET NULL (user_id);

-- A connector uses an authentication implementation, a pool and a certificate of its own company.
ALTER TABLE connectors
    DROP CONSTRAINT connectors_authentication_implementation_id_fkey,
    DROP CONSTRAINT connectors_connection_pool_id_fkey,
    DROP CONSTRAINT connectors_certificate_id_fkey,
    ADD CONSTRAINT connectors_authentication_implementation_fkey FOREIGN KEY (company_id, authentication_implementation_id)
        REFERENCES authentication_implementations (company_id, id),
    ADD CONSTRAINT connectors_connection_pool_fkey FOREIGN KEY (company_id, connection_pool_id)
        REFERENCES connection_pools (company_id, id),
    ADD CONSTRAINT connectors_certificate_fkey FOREIGN KEY (company_id, certificate_id)
        REFERENCES certificates (company_id, id);

-- A variable's one owner is of the variable's company.
ALTER TABLE variables
    DROP CONSTRAINT variables_authentication_implementation_id_fkey,
    DROP CONSTRAINT variables_endpoint_id_fkey,
    DROP CONSTRAINT variables_connector_id_fkey,
    ADD CONSTRAINT variables_authentication_implementation_fkey FOREIGN KEY (company_id, authentication_implementation_id)
        REFERENCES authentication_implementations (company_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT variables_endpoint_fkey FOREIGN KEY (company_id, endpoint_id)
        REFERENCES endpoints (company_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT variables_connector_fkey FOREIGN KEY (company_id, connector_id)
        REFERENCES connectors (company_id, id) ON DELETE CASCADE;

-- A process flow's steps call connectors and endpoints of the flow's company: a step gets the column
-- to say which, taken from its flow.
ALTER TABLE process_flow_steps ADD COLUMN company_id BIGINT;
UPDATE process_flow_steps s SET company_id = f.company_id FROM process_flows f WHERE f.id = s.process_flow_id;
ALTER TABLE process_flow_steps
    ALTER COLUMN company_id SET NOT NULL,
    DROP CONSTRAINT process_flow_steps_process_flow_id_fkey,
    DROP CONSTRAINT process_flow_steps_connector_id_fkey,
    DROP CONSTRAINT process_flow_steps_endpoint_id_fkey,
    ADD CONSTRAINT process_flow_steps_process_flow_fkey FOREIGN KEY (company_id, process_flow_id)
        REFERENCES process_flows (company_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT process_flow_steps_connector_fkey FOREIGN KEY (company_id, connector_id)
        REFERENCES connectors (company_id, id) ON DELETE RESTRICT,
    ADD CONSTRAINT process_flow_steps_endpoint_fkey FOREIGN KEY (company_id, endpoint_id)
        REFERENCES endpoints (company_id, id);

-- A connector's token and its OAuth consents in progress are of the connector's company.
ALTER TABLE connector_tokens
    DROP CONSTRAINT connector_tokens_connector_id_fkey,
    ADD CONSTRAINT connector_tokens_connector_fkey FOREIGN KEY (company_id, connector_id)
        REFERENCES connectors (company_id, id) ON DELETE CASCADE;
ALTER TABLE oauth_states
    DROP CONSTRAINT oauth_states_connector_id_fkey,
    ADD CONSTRAINT oauth_states_connector_fkey FOREIGN KEY (company_id, connector_id)
        REFERENCES connectors (company_id, id) ON DELETE CASCADE;
