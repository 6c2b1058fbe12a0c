package dev.patchbay.catalog;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inserts the parts of an installed connector. Reference data (types) is looked up by name. */
@Repository
class CatalogWriter {

    record NewSystem(String name, String label, String canonicalKey, String systemType, String colour, String logoUrl,
            String version, int defaultRateLimitDuration, String defaultRateLimitUnit, String defaultDateFormat,
            String helpLink, String systemTemplateId, String baseUrl) {}

    record NewEndpoint(String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, boolean returnsMultipleRecords, String entityType) {}

    record NewFilter(String name, String type, String parameter, String operator) {}

    record NewFieldTag(String path, String tag) {}

    private final JdbcClient jdbc;

    CatalogWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertSystem(long companyId, NewSystem s) {
        return jdbc.sql("INSERT INTO systems (company_id, name, label, canonical_key, system_type_id, colour, logo_url, version, "
                        + "default_rate_limit_duration, default_rate_limit_unit, default_date_format, help_link, "
                        + "system_template_id, base_url) VALUES (:company, :name, :label, :key, "
                        + "(SELECT id FROM system_types WHERE name = :type), :colour, :logo, :version, :amount, :unit, :format, "
                        + ":help, :template, :baseUrl) RETURNING id")
                .param("company", companyId).param("name", s.name()).param("label", s.label()).param("key", s.canonicalKey())
                .param("type", s.systemType()).param("colour", s.colour()).param("logo", s.logoUrl())
                .param("version", s.version()).param("amount", s.defaultRateLimitDuration())
                .param("unit", s.defaultRateLimitUnit()).param("format", s.defaultDateFormat()).param("help", s.helpLink())
                .param("template", s.systemTemplateId()).param("baseUrl", s.baseUrl())
                .query(Long.class).single();
    }

    long insertAuthenticationImplementation(long companyId, long systemId, String type, String name, String settingsJson,
            String testRequestJson) {
        return jdbc.sql("INSERT INTO authentication_implementations (company_id, system_id, authentication_type_id, name, "
                        + "settings, test_request) VALUES (:company, :system, (SELECT id FROM authentication_types WHERE key = "
                        + ":type), :name, CAST(:settings AS jsonb), CAST(:test AS jsonb)) RETURNING id")
                .param("company", companyId).param("system", systemId).param("type", type).param("name", name)
                .param("settings", settingsJson).param("test", testRequestJson)
                .query(Long.class).single();
    }

    long insertEndpoint(long companyId, long systemId, NewEndpoint e) {
        return jdbc.sql("INSERT INTO endpoints (company_id, system_id, name, http_method, path, direction, data_type, "
                        + "pagination_method, returns_multiple_records, entity_type_id) VALUES (:company, :system, :name, "
                        + ":method, :path, :direction, :dataType, :pagination, :multiple, "
                        + "(SELECT id FROM entity_types WHERE name = :entity)) RETURNING id")
                .param("company", companyId).param("system", systemId).param("name", e.name()).param("method", e.httpMethod())
                .param("path", e.path()).param("direction", e.direction()).param("dataType", e.dataType())
                .param("pagination", e.paginationMethod()).param("multiple", e.returnsMultipleRecords())
                .param("entity", e.entityType())
                .query(Long.class).single();
    }

    void linkEndpoint(long authenticationImplementationId, long endpointId) {
        jdbc.sql("INSERT INTO authentication_implementation_endpoint VALUES (:implementation, :endpoint)")
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
