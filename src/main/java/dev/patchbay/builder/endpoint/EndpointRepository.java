package dev.patchbay.builder.endpoint;

import dev.patchbay.web.InUseException.User;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the write side of endpoints reads: the row to change (locked) and what a change, link or delete must
 * check. The writes are {@link dev.patchbay.catalog.EndpointWriter}'s. Every statement is scoped by company.
 */
@Repository
class EndpointRepository {

    /** The stored scalar fields of an endpoint. */
    record Stored(long systemId, String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, boolean returnsMultipleRecords, Long entityTypeId, java.time.OffsetDateTime deprecatedAt) {}

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
