package dev.patchbay.builder.authentication;

import dev.patchbay.web.InUseException.User;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the write side of authentication implementations reads: the row to change (locked) and what a change
 * or delete must check. The writes are {@link dev.patchbay.catalog.ImplementationWriter}'s. Every statement
 * is scoped by company.
 */
@Repository
class ImplementationRepository {

    /** The stored writable fields, as JSON text for the JSON columns. */
    record Stored(long systemId, long authenticationTypeId, String name, String settings, String testRequest) {}

    private final JdbcClient jdbc;

    ImplementationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> findForUpdate(long companyId, long id) {
        return jdbc.sql("SELECT system_id, authentication_type_id, name, settings::text AS settings, "
                        + "test_request::text AS test_request FROM authentication_implementations "
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

    boolean authenticationTypeExists(long id) {
        return jdbc.sql("SELECT count(*) FROM authentication_types WHERE id = :id")
                .param("id", id).query(Long.class).single() > 0;
    }

    List<String> templateKeys(long companyId, long id) {
        return jdbc.sql("SELECT key FROM variables WHERE company_id = :company AND authentication_implementation_id = :id")
                .param("company", companyId).param("id", id).query(String.class).list();
    }

    List<User> connectorsUsing(long companyId, long id) {
        return jdbc.sql("SELECT id, name FROM connectors WHERE company_id = :company "
                        + "AND authentication_implementation_id = :id ORDER BY id")
                .param("company", companyId).param("id", id).query(User.class).list();
    }
}
