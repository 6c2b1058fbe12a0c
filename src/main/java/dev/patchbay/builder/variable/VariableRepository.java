package dev.patchbay.builder.variable;

import dev.patchbay.variable.VariableStore.Owner;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who owns a variable template, and the rows around it. Values are never read or written here:
 * that is {@code VariableStore}'s job (it encrypts and masks).
 */
@Repository
class VariableRepository {

    /** The owner of a variable: exactly one of the two template owners (connector variables are not templates). */
    record OwnerRef(Owner owner, long id) {}

    private final JdbcClient jdbc;

    VariableRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The template owner of a variable of the company; empty for a connector's variable or another company's. */
    Optional<OwnerRef> ownerOf(long companyId, long variableId) {
        return jdbc.sql("SELECT authentication_implementation_id, endpoint_id FROM variables WHERE company_id = :company "
                        + "AND id = :id AND connector_id IS NULL")
                .param("company", companyId)
                .param("id", variableId)
                .query((rs, n) -> {
                    Long implementation = rs.getObject(1, Long.class);
                    return implementation != null
                            ? new OwnerRef(Owner.AUTHENTICATION_IMPLEMENTATION, implementation)
                            : new OwnerRef(Owner.ENDPOINT, rs.getLong(2));
                })
                .optional();
    }

    /** Locks the owner row, so concurrent template writes for one owner run one after the other. */
    boolean lockOwner(long companyId, OwnerRef owner) {
        String table = owner.owner() == Owner.ENDPOINT ? "endpoints" : "authentication_implementations";
        return jdbc.sql("SELECT id FROM " + table + " WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", owner.id())
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** The settings (header / query / body templates) of an authentication implementation, as JSON text. */
    String settingsOf(long companyId, long implementationId) {
        return jdbc.sql("SELECT settings::text FROM authentication_implementations WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", implementationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Puts the template with this key after the owner's others (VariableStore numbers each insert batch from 0). */
    long moveToEnd(long companyId, OwnerRef owner, String key) {
        String column = owner.owner() == Owner.ENDPOINT ? "endpoint_id" : "authentication_implementation_id";
        return jdbc.sql("UPDATE variables SET position = (SELECT coalesce(max(position) + 1, 0) FROM variables "
                        + "WHERE company_id = :company AND " + column + " = :owner) "
                        + "WHERE company_id = :company AND " + column + " = :owner AND key = :key RETURNING id")
                .param("company", companyId)
                .param("owner", owner.id())
                .param("key", key)
                .query(Long.class)
                .single();
    }

    void delete(long companyId, long variableId) {
        jdbc.sql("DELETE FROM variables WHERE company_id = :company AND id = :id AND connector_id IS NULL")
                .param("company", companyId)
                .param("id", variableId)
                .update();
    }
}
