package dev.patchbay.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code endpoints} and of the rows that hang off an endpoint (filters, field tags, its
 * schema, its links to authentication implementations), for the installer and the connector builder
 * alike. Endpoint statements are scoped by company; the nested rows are reached through an endpoint id
 * the caller already scoped.
 */
@Component
public class EndpointWriter {

    /**
     * The writable columns of an endpoint. {@code deprecatedAt} is an ISO-8601 time (or null); the database
     * reads it. {@code entityTypeId} null means none.
     */
    public record EndpointColumns(String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, Boolean returnsMultipleRecords, Long entityTypeId, String deprecatedAt) {}

    /** {@code operator} null means {@code eq}. */
    public record Filter(String name, String type, String parameter, String operator) {}

    public record FieldTag(String path, String tag) {}

    private final JdbcClient jdbc;

    EndpointWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param templateKey the key of the definition's endpoint it came from; null when built by hand */
    public long insert(long companyId, long systemId, EndpointColumns columns, String templateKey) {
        return jdbc.sql("INSERT INTO endpoints (company_id, system_id, name, http_method, path, direction, data_type, "
                        + "pagination_method, returns_multiple_records, entity_type_id, deprecated_at, template_key) VALUES "
                        + "(:company, :system, :name, :method, :path, :direction, :dataType, :pagination, :multiple, :entity, "
                        + "CAST(:deprecated AS timestamptz), :templateKey) RETURNING id")
                .param("company", companyId)
                .param("system", systemId)
                .param("templateKey", templateKey)
                .params(columns(columns))
                .query(Long.class)
                .single();
    }

    public void update(long companyId, long id, EndpointColumns columns) {
        jdbc.sql("UPDATE endpoints SET name = :name, http_method = :method, path = :path, direction = :direction, "
                        + "data_type = :dataType, pagination_method = :pagination, returns_multiple_records = :multiple, "
                        + "entity_type_id = :entity, deprecated_at = CAST(:deprecated AS timestamptz), updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .params(columns(columns))
                .update();
    }

    /** Endpoints a newer definition no longer has are deprecated, not deleted: flows may still use them. */
    void deprecateInstalledNotIn(long companyId, long systemId, Collection<String> templateKeys) {
        String kept = templateKeys.isEmpty() ? "" : " AND template_key NOT IN (:keys)";
        var statement = jdbc.sql("UPDATE endpoints SET deprecated_at = now() WHERE company_id = :company AND system_id = :system "
                        + "AND template_key IS NOT NULL AND deprecated_at IS NULL" + kept)
                .param("company", companyId).param("system", systemId);
        (templateKeys.isEmpty() ? statement : statement.param("keys", templateKeys)).update();
    }

    public void replaceFilters(long endpointId, List<Filter> filters) {
        jdbc.sql("DELETE FROM endpoint_filters WHERE endpoint_id = :endpoint").param("endpoint", endpointId).update();
        int position = 0;
        for (Filter f : filters) {
            jdbc.sql("INSERT INTO endpoint_filters (endpoint_id, name, type, parameter, operator, position) "
                            + "VALUES (:endpoint, :name, :type, :parameter, :operator, :position)")
                    .param("endpoint", endpointId).param("name", f.name()).param("type", f.type())
                    .param("parameter", f.parameter()).param("operator", f.operator() == null ? "eq" : f.operator())
                    .param("position", position++)
                    .update();
        }
    }

    public void replaceFieldTags(long endpointId, List<FieldTag> tags) {
        jdbc.sql("DELETE FROM field_tags WHERE endpoint_id = :endpoint").param("endpoint", endpointId).update();
        for (FieldTag t : tags) {
            jdbc.sql("INSERT INTO field_tags (endpoint_id, path, tag) VALUES (:endpoint, :path, :tag)")
                    .param("endpoint", endpointId).param("path", t.path()).param("tag", t.tag()).update();
        }
    }

    /** @param schemaJson the new schema as JSON text, or null to remove it */
    public void replaceSchema(long endpointId, String schemaJson) {
        if (schemaJson == null) {
            jdbc.sql("DELETE FROM endpoint_schemas WHERE endpoint_id = :endpoint").param("endpoint", endpointId).update();
            return;
        }
        jdbc.sql("INSERT INTO endpoint_schemas (endpoint_id, schema) VALUES (:endpoint, CAST(:schema AS jsonb)) "
                        + "ON CONFLICT (endpoint_id) DO UPDATE SET schema = EXCLUDED.schema, updated_at = now()")
                .param("endpoint", endpointId).param("schema", schemaJson).update();
    }

    /** Links exactly these implementations (the caller checked that they are the endpoint's system's). */
    public void replaceLinks(long endpointId, Collection<Long> implementationIds) {
        jdbc.sql("DELETE FROM authentication_implementation_endpoint WHERE endpoint_id = :endpoint")
                .param("endpoint", endpointId).update();
        new HashSet<>(implementationIds).forEach(implementation -> link(implementation, endpointId));
    }

    /** @return false when the link already existed */
    public boolean link(long implementationId, long endpointId) {
        // The link's company is the implementation's, so the composite keys hold it to one company.
        return jdbc.sql("INSERT INTO authentication_implementation_endpoint (company_id, authentication_implementation_id, endpoint_id) "
                        + "SELECT company_id, id, :endpoint FROM authentication_implementations WHERE id = :implementation "
                        + "ON CONFLICT DO NOTHING")
                .param("implementation", implementationId).param("endpoint", endpointId).update() > 0;
    }

    /** @return false when there was no such link */
    public boolean unlink(long implementationId, long endpointId) {
        return jdbc.sql("DELETE FROM authentication_implementation_endpoint WHERE authentication_implementation_id = "
                        + ":implementation AND endpoint_id = :endpoint")
                .param("implementation", implementationId).param("endpoint", endpointId).update() > 0;
    }

    /** Its filters, schema, field tags, variable templates and links go with it (ON DELETE CASCADE). */
    public void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM endpoints WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    /** Every endpoint of the system, with what hangs off them. */
    public void deleteOfSystem(long companyId, long systemId) {
        jdbc.sql("DELETE FROM endpoints WHERE company_id = :company AND system_id = :system")
                .param("company", companyId).param("system", systemId).update();
    }

    private static Map<String, Object> columns(EndpointColumns e) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", e.name());
        columns.put("method", e.httpMethod());
        columns.put("path", e.path());
        columns.put("direction", e.direction());
        columns.put("dataType", e.dataType());
        columns.put("pagination", e.paginationMethod());
        columns.put("multiple", e.returnsMultipleRecords());
        columns.put("entity", e.entityTypeId());
        columns.put("deprecated", e.deprecatedAt());
        return columns;
    }
}
