package dev.patchbay.catalog;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inserts the parts of an installed connector. Reference data (types) is looked up by name. */
@Repository
class CatalogWriter {

    /** {@code connectTimeout} and {@code readTimeout} are seconds; null leaves the service's defaults in charge. */
    record NewSystem(String name, String label, String canonicalKey, String systemType, String colour, String logoUrl,
            String version, int defaultRateLimitDuration, String defaultRateLimitUnit, String defaultDateFormat,
            String helpLink, String systemTemplateId, String baseUrl, String templateVersion, String versionName,
            Integer connectTimeout, Integer readTimeout) {

        NewSystem(String name, String label, String canonicalKey, String systemType, String colour, String logoUrl,
                String version, int defaultRateLimitDuration, String defaultRateLimitUnit, String defaultDateFormat,
                String helpLink, String systemTemplateId, String baseUrl) {
            this(name, label, canonicalKey, systemType, colour, logoUrl, version, defaultRateLimitDuration,
                    defaultRateLimitUnit, defaultDateFormat, helpLink, systemTemplateId, baseUrl, null, null, null, null);
        }
    }

    record NewEndpoint(String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, boolean returnsMultipleRecords, String entityType, String templateKey,
            String deprecatedAt) {

        NewEndpoint(String name, String httpMethod, String path, String direction, String dataType,
                String paginationMethod, boolean returnsMultipleRecords, String entityType) {
            this(name, httpMethod, path, direction, dataType, paginationMethod, returnsMultipleRecords, entityType, null, null);
        }
    }

    record InstalledSystem(long id, String canonicalKey, String name, String systemTemplateVersion) {}

    record NewFilter(String name, String type, String parameter, String operator) {}

    record NewFieldTag(String path, String tag) {}

    private final JdbcClient jdbc;

    CatalogWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertSystem(long companyId, NewSystem s) {
        return jdbc.sql("INSERT INTO systems (company_id, name, label, canonical_key, system_type_id, colour, logo_url, version, "
                        + "default_rate_limit_duration, default_rate_limit_unit, default_date_format, help_link, "
                        + "system_template_id, base_url, system_template_version, version_name, connect_timeout, read_timeout) "
                        + "VALUES (:company, :name, :label, :key, (SELECT id FROM system_types WHERE name = :type), :colour, "
                        + ":logo, :version, :amount, :unit, :format, :help, :template, :baseUrl, :templateVersion, :versionName, "
                        + ":connectTimeout, :readTimeout) RETURNING id")
                .param("company", companyId).param("name", s.name()).param("label", s.label()).param("key", s.canonicalKey())
                .param("type", s.systemType()).param("colour", s.colour()).param("logo", s.logoUrl())
                .param("version", s.version()).param("amount", s.defaultRateLimitDuration())
                .param("unit", s.defaultRateLimitUnit()).param("format", s.defaultDateFormat()).param("help", s.helpLink())
                .param("template", s.systemTemplateId()).param("baseUrl", s.baseUrl())
                .param("templateVersion", s.templateVersion()).param("versionName", s.versionName())
                .param("connectTimeout", s.connectTimeout()).param("readTimeout", s.readTimeout())
                .query(Long.class).single();
    }

    /** Applies a newer definition to an installed system; its id, canonical key and instances stay. */
    void updateSystem(long companyId, long systemId, NewSystem s) {
        jdbc.sql("UPDATE systems SET name = :name, label = :label, system_type_id = (SELECT id FROM system_types WHERE name = "
                        + ":type), colour = :colour, logo_url = :logo, version = :version, version_name = :versionName, "
                        + "default_rate_limit_duration = :amount, default_rate_limit_unit = :unit, default_date_format = :format, "
                        + "help_link = :help, base_url = :baseUrl, system_template_version = :templateVersion, "
                        + "connect_timeout = :connectTimeout, read_timeout = :readTimeout, updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", systemId).param("name", s.name()).param("label", s.label())
                .param("type", s.systemType()).param("colour", s.colour()).param("logo", s.logoUrl())
                .param("version", s.version()).param("versionName", s.versionName())
                .param("amount", s.defaultRateLimitDuration()).param("unit", s.defaultRateLimitUnit())
                .param("format", s.defaultDateFormat()).param("help", s.helpLink()).param("baseUrl", s.baseUrl())
                .param("templateVersion", s.templateVersion())
                .param("connectTimeout", s.connectTimeout()).param("readTimeout", s.readTimeout())
                .update();
    }

    long insertAuthenticationImplementation(long companyId, long systemId, String type, String name, String settingsJson,
            String testRequestJson) {
        return insertAuthenticationImplementation(companyId, systemId, type, name, settingsJson, testRequestJson, null);
    }

    long insertAuthenticationImplementation(long companyId, long systemId, String type, String name, String settingsJson,
            String testRequestJson, String templateKey) {
        return jdbc.sql("INSERT INTO authentication_implementations (company_id, system_id, authentication_type_id, name, "
                        + "settings, test_request, template_key) VALUES (:company, :system, (SELECT id FROM authentication_types "
                        + "WHERE key = :type), :name, CAST(:settings AS jsonb), CAST(:test AS jsonb), :templateKey) RETURNING id")
                .param("company", companyId).param("system", systemId).param("type", type).param("name", name)
                .param("settings", settingsJson).param("test", testRequestJson).param("templateKey", templateKey)
                .query(Long.class).single();
    }

    void updateAuthenticationImplementation(long companyId, long id, String type, String name, String settingsJson,
            String testRequestJson) {
        jdbc.sql("UPDATE authentication_implementations SET authentication_type_id = (SELECT id FROM authentication_types "
                        + "WHERE key = :type), name = :name, settings = CAST(:settings AS jsonb), test_request = "
                        + "CAST(:test AS jsonb), updated_at = now() WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).param("type", type).param("name", name)
                .param("settings", settingsJson).param("test", testRequestJson)
                .update();
    }

    /** template key → id of the system's authentication implementations or endpoints that came from a definition. */
    java.util.Map<String, Long> templateKeys(long companyId, long systemId, String table) {
        String sql = "SELECT template_key, id FROM " + ("endpoints".equals(table) ? "endpoints" : "authentication_implementations")
                + " WHERE company_id = :company AND system_id = :system AND template_key IS NOT NULL";
        java.util.Map<String, Long> keys = new java.util.HashMap<>();
        jdbc.sql(sql).param("company", companyId).param("system", systemId)
                .query((rs, n) -> keys.put(rs.getString("template_key"), rs.getLong("id"))).list();
        return keys;
    }

    long insertEndpoint(long companyId, long systemId, NewEndpoint e) {
        return jdbc.sql("INSERT INTO endpoints (company_id, system_id, name, http_method, path, direction, data_type, "
                        + "pagination_method, returns_multiple_records, entity_type_id, template_key, deprecated_at) VALUES "
                        + "(:company, :system, :name, :method, :path, :direction, :dataType, :pagination, :multiple, "
                        + "(SELECT id FROM entity_types WHERE name = :entity), :templateKey, CAST(:deprecated AS timestamptz)) "
                        + "RETURNING id")
                .param("company", companyId).param("system", systemId).params(endpointColumns(e))
                .query(Long.class).single();
    }

    void updateEndpoint(long companyId, long id, NewEndpoint e) {
        jdbc.sql("UPDATE endpoints SET name = :name, http_method = :method, path = :path, direction = :direction, "
                        + "data_type = :dataType, pagination_method = :pagination, returns_multiple_records = :multiple, "
                        + "entity_type_id = (SELECT id FROM entity_types WHERE name = :entity), "
                        + "deprecated_at = CAST(:deprecated AS timestamptz), updated_at = now() "
                        + "WHERE company_id = :company AND id = :id AND template_key = :templateKey")
                .param("company", companyId).param("id", id).params(endpointColumns(e))
                .update();
        jdbc.sql("DELETE FROM endpoint_filters WHERE endpoint_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM field_tags WHERE endpoint_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM endpoint_schemas WHERE endpoint_id = :id").param("id", id).update();
    }

    /** Endpoints a newer definition no longer has are deprecated, not deleted: flows may still use them. */
    void deprecateEndpointsNotIn(long companyId, long systemId, java.util.Collection<String> templateKeys) {
        String kept = templateKeys.isEmpty() ? "" : " AND template_key NOT IN (:keys)";
        var statement = jdbc.sql("UPDATE endpoints SET deprecated_at = now() WHERE company_id = :company AND system_id = :system "
                        + "AND template_key IS NOT NULL AND deprecated_at IS NULL" + kept)
                .param("company", companyId).param("system", systemId);
        (templateKeys.isEmpty() ? statement : statement.param("keys", templateKeys)).update();
    }

    private static java.util.Map<String, Object> endpointColumns(NewEndpoint e) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("name", e.name());
        columns.put("method", e.httpMethod());
        columns.put("path", e.path());
        columns.put("direction", e.direction());
        columns.put("dataType", e.dataType());
        columns.put("pagination", e.paginationMethod());
        columns.put("multiple", e.returnsMultipleRecords());
        columns.put("entity", e.entityType());
        columns.put("templateKey", e.templateKey());
        columns.put("deprecated", e.deprecatedAt());
        return columns;
    }

    /** The company's systems installed from a definition, the one with the definition's own key first. */
    List<InstalledSystem> installedFrom(long companyId, String templateKey) {
        return jdbc.sql("SELECT id, canonical_key, name, system_template_version FROM systems WHERE company_id = :company "
                        + "AND system_template_id = :key ORDER BY (canonical_key = :key) DESC, id")
                .param("company", companyId).param("key", templateKey)
                .query(InstalledSystem.class).list();
    }

    boolean canonicalKeyTaken(long companyId, String canonicalKey) {
        return jdbc.sql("SELECT count(*) FROM systems WHERE company_id = :company AND canonical_key = :key")
                .param("company", companyId).param("key", canonicalKey).query(Long.class).single() > 0;
    }

    void linkEndpoint(long authenticationImplementationId, long endpointId) {
        jdbc.sql("INSERT INTO authentication_implementation_endpoint (company_id, authentication_implementation_id, endpoint_id) "
                        + "SELECT company_id, id, :endpoint FROM authentication_implementations WHERE id = :implementation "
                        + "ON CONFLICT DO NOTHING")
                .param("implementation", authenticationImplementationId).param("endpoint", endpointId).update();
    }

    void insertSchema(long endpointId, String schemaJson) {
        jdbc.sql("INSERT INTO endpoint_schemas (endpoint_id, schema) VALUES (:endpoint, CAST(:schema AS jsonb))")
                .param("endpoint", endpointId).param("schema", schemaJson).update();
    }

    void insertFilters(long endpointId, List<NewFilter> filters) {
        int position = 0;
        for (NewFilter f : filters) {
            jdbc.sql("INSERT INTO endpoint_filters (endpoint_id, name, type, parameter, operator, position) "
                            + "VALUES (:endpoint, :name, :type, :parameter, :operator, :position)")
                    .param("endpoint", endpointId).param("name", f.name()).param("type", f.type())
                    .param("parameter", f.parameter()).param("operator", f.operator()).param("position", position++)
                    .update();
        }
    }

    void insertFieldTags(long endpointId, List<NewFieldTag> tags) {
        for (NewFieldTag t : tags) {
            jdbc.sql("INSERT INTO field_tags (endpoint_id, path, tag) VALUES (:endpoint, :path, :tag)")
                    .param("endpoint", endpointId).param("path", t.path()).param("tag", t.tag()).update();
        }
    }
}
