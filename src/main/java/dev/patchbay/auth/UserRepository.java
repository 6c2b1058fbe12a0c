package dev.patchbay.auth;

import dev.patchbay.config.Redacted;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    record UserRow(long id, long companyId, String name, String email, String passwordHash, String role, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        @Override
        public String toString() {
            return "UserRow[id=" + id + ", companyId=" + companyId + ", email=" + email + ", passwordHash="
                    + Redacted.of(passwordHash) + ", role=" + role + "]";
        }
    }

    private static final String COLUMNS = "id, company_id, name, email, password_hash, role, created_at, updated_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserRow insert(long companyId, String name, String email, String passwordHash, Role role) {
        return jdbc.sql("INSERT INTO users (company_id, name, email, password_hash, role) "
                        + "VALUES (:company, :name, :email, :hash, :role) RETURNING " + COLUMNS)
                .param("company", companyId)
                .param("name", name)
                .param("email", email)
                .param("hash", passwordHash)
                .param("role", role.value())
                .query(UserRow.class)
                .single();
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(UserRow.class)
                .optional();
    }

    boolean emailTaken(String email) {
        return findByEmail(email).isPresent();
    }

    Optional<UserRow> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(UserRow.class).optional();
    }

    List<UserRow> listByCompany(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE company_id = :company ORDER BY id")
                .param("company", companyId)
                .query(UserRow.class)
                .list();
    }
}
