package dev.patchbay.connector;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side's SQL for connectors; every statement is scoped by company. */
@Repository
class ConnectorRepository {

    private final JdbcClient jdbc;

    ConnectorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long companyId, ConnectorSettings settings) {
        return jdbc.sql("INSERT INTO connectors (company_id, name, type, authentication_implementation_id, timezone, "
                        + "date_format, rate_limit_unit, rate_limit_duration, connection_pool_id, certificate_id, session_id, "
                        + "platform_app_key) VALUES (:company, :name, :type, :authenticationImplementationId, :timezone, "
                        + ":dateFormat, :rateLimitUnit, :rateLimitDuration, :connectionPoolId, :certificateId, :sessionId, "
                        + ":platformAppKey) RETURNING id")
                .param("company", companyId)
                .params(columns(settings))
                .query(Long.class)
                .single();
    }

    /** Reads and locks the row, so a concurrent update or delete waits for this transaction. */
    Optional<ConnectorRow> findForUpdate(long companyId, long id) {
        return jdbc.sql("SELECT * FROM connectors WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", id)
                .query(ConnectorRow.class)
                .optional();
    }

    void update(long companyId, long id, ConnectorSettings settings) {
        jdbc.sql("UPDATE connectors SET name = :name, type = :type, authentication_implementation_id = "
                        + ":authenticationImplementationId, timezone = :timezone, date_format = :dateFormat, rate_limit_unit = "
                        + ":rateLimitUnit, rate_limit_duration = :rateLimitDuration, connection_pool_id = :connectionPoolId, "
                        + "certificate_id = :certificateId, session_id = :sessionId, platform_app_key = :platformAppKey, "
                        + "updated_at = now() WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .params(columns(settings))
                .update();
    }

    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM connectors WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> columns(ConnectorSettings s) {
        java.util.HashMap<String, Object> columns = new java.util.HashMap<>();
        columns.put("name", s.name());
        columns.put("type", s.type());
        columns.put("authenticationImplementationId", s.authenticationImplementationId());
        columns.put("timezone", s.timezone());
        columns.put("dateFormat", s.dateFormat());
        columns.put("rateLimitUnit", s.rateLimitUnit());
        columns.put("rateLimitDuration", s.rateLimitDuration());
        columns.put("connectionPoolId", s.connectionPoolId());
        columns.put("certificateId", s.certificateId());
        columns.put("sessionId", s.sessionId());
        columns.put("platformAppKey", s.platformAppKey());
        return columns;
    }
}
