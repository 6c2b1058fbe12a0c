package dev.patchbay.auth;

import dev.patchbay.query.KeyedQuery;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/** Batch lookup of a company's users for includes such as {@code certificate.user}. */
@Component
public class UserDirectory {

    private final KeyedQuery viewsById;

    UserDirectory(JdbcOperations jdbc) {
        this.viewsById = KeyedQuery.of(jdbc, "SELECT id AS k, id, company_id, name, email, role, created_at, updated_at "
                + "FROM users WHERE company_id = :company AND id = ANY(:ids)", rs -> UserView.of(new UserRepository.UserRow(
                        rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"), rs.getString("email"), "",
                        rs.getString("role"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class))));
    }

    /** The users by id, as the loader of a {@code user} include. */
    public KeyedQuery viewsById() {
        return viewsById;
    }
}
