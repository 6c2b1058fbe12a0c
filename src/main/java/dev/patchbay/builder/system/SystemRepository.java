package dev.patchbay.builder.system;

import dev.patchbay.web.InUseException.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side's SQL for systems; every statement is scoped by company. */
@Repository
class SystemRepository {

    private final JdbcClient jdbc;

    SystemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long companyId, SystemInput s) {
        return jdbc.sql("INSERT INTO systems (company_id, name, label, canonical_key, system_type_id, protocol, colour, logo_url, "
                        + "version, version_name, default_rate_limit_duration, default_rate_limit_unit, default_date_format, "
                        + "help_link, base_url, connect_timeout, read_timeout) VALUES (:company, :name, :label, :canonicalKey, "
                        + ":systemTypeId, :protocol, :colour, :logo, :version, :versionName, :defaultRateLimitDuration, "
                        + ":defaultRateLimitUnit, :defaultDateFormat, :helpLink, :baseUrl, :connectTimeout, :readTimeout) "
                        + "RETURNING id")
                .param("company", companyId)
                .params(columns(s))
                .query(Long.class)
                .single();
    }

    /** The current writable fields, locking the row so a concurrent update or delete waits. */
    Optional<SystemInput> findForUpdate(long companyId, long id) {
        return jdbc.sql("SELECT name, label, canonical_key, system_type_id, protocol, colour, logo_url AS logo, version, "
                        + "version_name, default_rate_limit_duration, default_rate_limit_unit, default_date_format, help_link, "
                        + "base_url, connect_timeout, read_timeout FROM systems WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", id)
                .query(SystemInput.class)
                .optional();
    }

    void update(long companyId, long id, SystemInput s) {
        jdbc.sql("UPDATE systems SET name = :name, label = :label, canonical_key = :canonicalKey, system_type_id = "
                        + ":systemTypeId, protocol = :protocol, colour = :colour, logo_url = :logo, version = :version, "
                        + "version_name = :versionName, default_rate_limit_duration = :defaultRateLimitDuration, "
                        + "default_rate_limit_unit = :defaultRateLimitUnit, default_date_format = :defaultDateFormat, "
                        + "help_link = :helpLink, base_url = :baseUrl, connect_timeout = :connectTimeout, "
                        + "read_timeout = :readTimeout, updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .params(columns(s))
                .update();
    }

    boolean systemTypeExists(long id) {
        return jdbc.sql("SELECT count(*) FROM system_types WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    boolean canonicalKeyTaken(long companyId, String canonicalKey, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM systems WHERE company_id = :company AND canonical_key = :key "
                        + "AND id <> coalesce(:except, -1)")
                .param("company", companyId)
                .param("key", canonicalKey)
                .param("except", exceptId)
                .query(Long.class)
                .single() > 0;
    }

    /** The API connectors on any authentication implementation of the system. */
    List<User> connectorsUsing(long companyId, long systemId) {
        return jdbc.sql("SELECT c.id, c.name FROM connectors c JOIN authentication_implementations ai "
                        + "ON ai.id = c.authentication_implementation_id WHERE c.company_id = :company "
                        + "AND ai.system_id = :system ORDER BY c.id")
                .param("company", companyId)
                .param("system", systemId)
                .query(User.class)
                .list();
    }

    /** Process flows with a step calling one of the system's endpoints. */
    List<User> flowsUsingEndpoints(long companyId, long systemId) {
        return jdbc.sql("SELECT DISTINCT f.id, f.name FROM process_flows f JOIN process_flow_steps st "
                        + "ON st.process_flow_id = f.id JOIN endpoints e ON e.id = st.endpoint_id "
                        + "WHERE f.company_id = :company AND e.company_id = :company AND e.system_id = :system ORDER BY f.id")
                .param("company", companyId)
                .param("system", systemId)
                .query(User.class)
                .list();
    }

    /**
     * Deletes the system with its authentication implementations and endpoints; their variable
     * templates, links, filters, schemas and field tags go with them (ON DELETE CASCADE).
     */
    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM authentication_implementations WHERE company_id = :company AND system_id = :id")
                .param("company", companyId).param("id", id).update();
        jdbc.sql("DELETE FROM endpoints WHERE company_id = :company AND system_id = :id")
                .param("company", companyId).param("id", id).update();
        jdbc.sql("DELETE FROM systems WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    private static Map<String, Object> columns(SystemInput s) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", s.name().trim());
        columns.put("label", s.label());
        columns.put("canonicalKey", s.canonicalKey());
        columns.put("systemTypeId", s.systemTypeId());
        columns.put("protocol", s.protocol());
        columns.put("colour", s.colour());
        columns.put("logo", s.logo());
        columns.put("version", s.version());
        columns.put("versionName", s.versionName());
        columns.put("defaultRateLimitDuration", s.defaultRateLimitDuration());
        columns.put("defaultRateLimitUnit", s.defaultRateLimitUnit());
        columns.put("defaultDateFormat", s.defaultDateFormat());
        columns.put("helpLink", s.helpLink());
        columns.put("baseUrl", s.baseUrl());
        columns.put("connectTimeout", s.connectTimeout());
        columns.put("readTimeout", s.readTimeout());
        return columns;
    }
}
