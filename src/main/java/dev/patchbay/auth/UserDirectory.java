package dev.patchbay.auth;

import dev.patchbay.query.Grouping;
import dev.patchbay.query.Grouping.Keyed;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Batch lookup of a company's users for includes such as {@code certificate.user}. */
@Component
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, List<?>> viewsById(long companyId, Collection<Long> ids) {
        return Grouping.byKey(jdbc.sql("SELECT id, company_id, name, email, password_hash, role, created_at, updated_at "
                        + "FROM users WHERE company_id = :company AND id IN (:ids)")
                .param("company", companyId)
                .param("ids", ids)
                .query((rs, n) -> new Keyed<>(rs.getLong("id"), UserView.of(new UserRepository.UserRow(rs.getLong("id"),
                        rs.getLong("company_id"), rs.getString("name"), rs.getString("email"), "", rs.getString("role"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)))))
                .list());
    }
}
