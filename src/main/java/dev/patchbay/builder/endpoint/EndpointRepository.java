package dev.patchbay.builder.endpoint;

import dev.patchbay.web.InUseException.User;
import dev.patchbay.builder.endpoint.EndpointInput.FieldTagInput;
import dev.patchbay.builder.endpoint.EndpointInput.FilterInput;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side's SQL for endpoints and their nested rows; every statement is scoped by company. */
@Repository
class EndpointRepository {

    /** The stored scalar fields of an endpoint. */
    record Stored(long systemId, String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, boolean returnsMultipleRecords, Long entityTypeId, java.time.OffsetDateTime deprecatedAt) {}

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long companyId, EndpointInput e) {
        return jdbc.sql("INSERT INTO endpoints (company_id, system_id, name, http_method, path, direction, data_type, "
                        + "pagination_method, returns_multiple_records, entity_type_id, deprecated_at) VALUES (:company, "
                        + ":system, :name, :method, :path, :direction, :dataType, :pagination, :multiple, :entity, "
                        + ":deprecated) RETURNING id")
                .param("company", companyId)
                .param("system", e.systemId())
                .params(columns(e))
                .query(Long.class)
                .single();
    }

    Optional<Stored> findForUpdate(long companyId, long id) {
        return jdbc.sql("SELECT system_id, name, http_method, path, direction, data_type, pagination_method, "
                        + "returns_multiple_records, entity_type_id, deprecated_at FROM endpoints "
                        + "WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", id)
                .query(Stored.class)
                .optional();
    }

    void update(long companyId, long id, EndpointInput e) {
        jdbc.sql("UPDATE endpoints SET name = :name, http_method = :method, path = :path, direction = :direction, "
                        + "data_type = :dataType, pagination_method = :pagination, returns_multiple_records = :multiple, "
                        + "entity_type_id = :entity, deprecated_at = :deprecated, updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .params(columns(e))
                .update();
    }

    void replaceFilters(long endpointId, List<FilterInput> filters) {
        jdbc.sql("DELETE FROM endpoint_filters WHERE endpoint_id = :endpoint").param("endpoint", endpointId).update();
        int position = 0;
        for (FilterInput f : filters) {
            jdbc.sql("INSERT INTO endpoint_filters (endpoint_id, name, type, parameter, operator, position) "
                            + "VALUES (:endpoint, :name, :type, :parameter, :operator, :position)")
                    .param("endpoint", endpointId).param("name", f.name()).param("type", f.type())
                    .param("parameter", f.parameter()).param("operator", f.operator() == null ? "eq" : f.operator())
                    .param("position", position++)
                    .update();
        }
    }

    void replaceFieldTags(long endpointId, List<FieldTagInput> tags) {
        jdbc.sql("DELETE FROM field_tags WHERE endpoint_id = :endpoint").param("endpoint", endpointId).update();
        for (FieldTagInput t : tags) {
            jdbc.sql("INSERT INTO field_tags (endpoint_id, path, tag) VALUES (:endpoint, :path, :tag)")
                    .param("endpoint", endpointId).param("path", t.path()).param("tag", t.tag()).update();
        }
    }

    /** @param schemaJson the new schema, or null to remove it */
    void replaceSchema(long endpointId, String schemaJson) {
        if (schemaJson == null) {
            jdbc.sql("DELETE FROM endpoint_schemas WHERE endpoint_id = :endpoint").param("endpoint", endpointId).update();
            return;
        }
        jdbc.sql("INSERT INTO endpoint_schemas (endpoint_id, schema) VALUES (:endpoint, CAST(:schema AS jsonb)) "
                        + "ON CONFLICT (endpoint_id) DO UPDATE SET schema = EXCLUDED.schema, updated_at = now()")
                .param("endpoint", endpointId).param("schema", schemaJson).update();
    }

    /** Links exactly these implementations (already checked to be the endpoint's system's). */
    void replaceLinks(long endpointId, Collection<Long> implementationIds) {
        jdbc.sql("DELETE FROM authentication_implementation_endpoint WHERE endpoint_id = :endpoint")
                .param("endpoint", endpointId).update();
        new HashSet<>(implementationIds).forEach(implementation -> link(implementation, endpointId));
    }

    /** @return false when the link already existed */
    boolean link(long implementationId, long endpointId) {
        return jdbc.sql("INSERT INTO authentication_implementation_endpoint (company_id, authentication_implementation_id, endpoint_id) "
                        + "SELECT company_id, id, :endpoint FROM authentication_implementations WHERE id = :implementation "
                        + "ON CONFLICT DO NOTHING")
                .param("implementation", implementationId).param("endpoint", endpointId).update() > 0;
    }

    boolean unlink(long implementationId, long endpointId) {
        return jdbc.sql("DELETE FROM authentication_implementation_endpoint WHERE authentication_implementation_id = "
                        + ":implementation AND endpoint_id = :endpoint")
                .param("implementation", implementationId).param("endpoint", endpointId).update() > 0;
    }

    boolean systemExists(long companyId, long systemId) {
        return jdbc.sql("SELECT count(*) FROM systems WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", systemId).query(Long.class).single() > 0;
    }

    boolean entityTypeExists(long id) {
        return jdbc.sql("SELECT count(*) FROM entity_types WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    /** Which of these ids are authentication implementations of the company's system. */
    Set<Long> implementationsOfSystem(long companyId, long systemId, Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM authentication_implementations WHERE company_id = :company "
                        + "AND system_id = :system AND id IN (:ids)")
                .param("company", companyId).param("system", systemId).param("ids", wanted)
                .query(Long.class).list());
    }

    /** The system of a company's authentication implementation, locking it while links change. */
    Optional<Long> implementationSystemForUpdate(long companyId, long implementationId) {
        return jdbc.sql("SELECT system_id FROM authentication_implementations WHERE company_id = :company AND id = :id "
                        + "FOR UPDATE")
                .param("company", companyId).param("id", implementationId).query(Long.class).optional();
    }

    Optional<Long> endpointSystem(long companyId, long endpointId) {
        return jdbc.sql("SELECT system_id FROM endpoints WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", endpointId).query(Long.class).optional();
    }

    List<User> flowsUsing(long companyId, long endpointId) {
        return jdbc.sql("SELECT DISTINCT f.id, f.name FROM process_flows f JOIN process_flow_steps st "
                        + "ON st.process_flow_id = f.id WHERE f.company_id = :company AND st.endpoint_id = :endpoint "
                        + "ORDER BY f.id")
                .param("company", companyId).param("endpoint", endpointId).query(User.class).list();
    }

    /** Its filters, schema, field tags, variables and links go with it (ON DELETE CASCADE). */
    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM endpoints WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    private static Map<String, Object> columns(EndpointInput e) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", e.name().trim());
        columns.put("method", e.httpMethod());
        columns.put("path", e.path());
        columns.put("direction", e.direction());
        columns.put("dataType", e.dataType());
        columns.put("pagination", e.paginationMethod());
        columns.put("multiple", e.returnsMultipleRecords());
        columns.put("entity", e.entityTypeId());
        columns.put("deprecated", e.deprecatedAt() == null ? null : EndpointValidator.parseTime(e.deprecatedAt()));
        return columns;
    }
}
