package dev.patchbay.builder.authentication;

import dev.patchbay.web.InUseException.User;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side's SQL for authentication implementations; every statement is scoped by company. */
@Repository
class ImplementationRepository {

    /** The stored writable fields, as JSON text for the JSON columns. */
    record Stored(long systemId, long authenticationTypeId, String name, String settings, String testRequest) {}

    private final JdbcClient jdbc;

    ImplementationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long companyId, ImplementationInput input, String settings, String testRequest) {
        return jdbc.sql("INSERT INTO authentication_implementations (company_id, system_id, authentication_type_id, name, "
                        + "settings, test_request) VALUES (:company, :system, :type, :name, CAST(:settings AS jsonb), "
                        + "CAST(:test AS jsonb)) RETURNING id")
                .param("company", companyId)
                .param("system", input.systemId())
                .param("type", input.authenticationTypeId())
                .param("name", input.name().trim())
                .param("settings", settings)
                .param("test", testRequest)
                .query(Long.class)
                .single();
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

    void update(long companyId, long id, ImplementationInput input, String settings, String testRequest) {
        jdbc.sql("UPDATE authentication_implementations SET authentication_type_id = :type, name = :name, "
                        + "settings = CAST(:settings AS jsonb), test_request = CAST(:test AS jsonb), updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .param("type", input.authenticationTypeId())
                .param("name", input.name().trim())
                .param("settings", settings)
                .param("test", testRequest)
                .update();
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

    /** Its variable templates and endpoint links go with it (ON DELETE CASCADE). */
    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM authentication_implementations WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

}
