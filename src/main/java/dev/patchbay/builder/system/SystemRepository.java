package dev.patchbay.builder.system;

import dev.patchbay.web.InUseException.User;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the write side of systems reads: the row to change (locked) and what a change or delete must check.
 * The writes are {@link dev.patchbay.catalog.SystemWriter}'s. Every statement is scoped by company.
 */
@Repository
class SystemRepository {

    private final JdbcClient jdbc;

    SystemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
