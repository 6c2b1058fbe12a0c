package dev.patchbay.catalog;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code systems}: the installer (a connector definition) and the connector builder
 * ({@code /api/v1/systems}) both write through it, so a column is written the same way whoever sets it.
 * Every statement is scoped by company.
 */
@Component
public class SystemWriter {

    /**
     * The writable columns of a system. {@code systemTypeId} may be null only for a type that does not
     * exist, which the column refuses. {@code connectTimeout} and {@code readTimeout} are seconds; null
     * leaves the service's defaults in charge.
     */
    public record SystemColumns(String name, String label, String canonicalKey, Long systemTypeId, String protocol,
            String colour, String logoUrl, String version, String versionName, Integer defaultRateLimitDuration,
            String defaultRateLimitUnit, String defaultDateFormat, String helpLink, String baseUrl, Integer connectTimeout,
            Integer readTimeout) {}

    private final JdbcClient jdbc;

    SystemWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long companyId, SystemColumns s) {
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

    public void update(long companyId, long id, SystemColumns s) {
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

    /** Records which definition (key and version) the system was installed or last updated from. */
    void markInstalledFrom(long companyId, long id, String templateKey, String templateVersion) {
        jdbc.sql("UPDATE systems SET system_template_id = :template, system_template_version = :templateVersion "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).param("template", templateKey)
                .param("templateVersion", templateVersion)
                .update();
    }

    /** The system row alone: its authentication implementations and endpoints must be deleted first. */
    public void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM systems WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    private static Map<String, Object> columns(SystemColumns s) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", s.name());
        columns.put("label", s.label());
        columns.put("canonicalKey", s.canonicalKey());
        columns.put("systemTypeId", s.systemTypeId());
        columns.put("protocol", s.protocol());
        columns.put("colour", s.colour());
        columns.put("logo", s.logoUrl());
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
