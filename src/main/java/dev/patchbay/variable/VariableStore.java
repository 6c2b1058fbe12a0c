package dev.patchbay.variable;

import dev.patchbay.query.Grouping;
import dev.patchbay.query.KeyedQuery;
import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.RowIds;
import dev.patchbay.secret.SecretCipher;
import dev.patchbay.secret.SecretMask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The variables table for its three owners (authentication implementation templates, endpoints and
 * connectors). Secret values are encrypted on the way in; on the way out they are either masked
 * (views) or decrypted (only for the write path and the outbound engine). Each secret value is bound to
 * its row ({@link EncryptedColumns#VARIABLE_VALUE}), so a row's id is taken before its insert.
 */
@Component
public class VariableStore {

    public enum Owner {
        AUTHENTICATION_IMPLEMENTATION("authentication_implementation_id"),
        ENDPOINT("endpoint_id"),
        CONNECTOR("connector_id");

        private final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    private static final String COLUMNS =
            "id, key, value, label, secret, locked, alias, configurable, required, advanced";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Map<Owner, KeyedQuery> viewsByOwner = new EnumMap<>(Owner.class);

    VariableStore(JdbcClient jdbc, JdbcOperations jdbcOperations, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        for (Owner owner : Owner.values()) {
            viewsByOwner.put(owner, KeyedQuery.of(jdbcOperations, "SELECT " + owner.column + " AS k, " + COLUMNS
                    + " FROM variables WHERE company_id = :company AND " + owner.column + " = ANY(:ids) ORDER BY position, id",
                    VariableStore::view));
        }
    }

    /** Masked views of the variables of many owners of one kind, by owner id: the loader of a {@code variables} include. */
    public KeyedQuery viewsOf(Owner owner) {
        return viewsByOwner.get(owner);
    }

    /** Masked views of the variables of many owners, in one query, grouped by owner id. */
    public Map<Long, List<?>> viewsByOwner(long companyId, Owner owner, Collection<Long> ownerIds) {
        return viewsOf(owner).load(companyId, ownerIds);
    }

    /** The variables of one owner in clear, for rules that compare stored and incoming values. */
    public List<VariableData> clearValues(long companyId, Owner owner, long ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM variables WHERE company_id = :company AND " + owner.column
                        + " = :owner ORDER BY position, id")
                .param("company", companyId)
                .param("owner", ownerId)
                .query((rs, n) -> data(companyId, rs))
                .list();
    }

    public void insertAll(long companyId, Owner owner, long ownerId, List<VariableData> variables) {
        insertAll(companyId, owner, ownerId, variables, 0);
    }

    /** Inserts after the owner's existing variables, numbering positions from {@code firstPosition}. */
    public void insertAll(long companyId, Owner owner, long ownerId, List<VariableData> variables, int firstPosition) {
        int position = firstPosition;
        for (VariableData variable : variables) {
            // Only a value to encrypt needs its row's id up front; the others take theirs from the insert.
            Long id = variable.secret() && variable.value() != null ? RowIds.next(jdbc, "variables") : null;
            jdbc.sql("INSERT INTO variables (id, company_id, " + owner.column + ", key, value, label, secret, locked, alias, "
                            + "configurable, required, advanced, position) VALUES (COALESCE(:id, nextval(pg_get_serial_sequence("
                            + "'variables', 'id'))), :company, :owner, :key, :value, :label, :secret, :locked, :alias, "
                            + ":configurable, :required, :advanced, :position)")
                    .param("id", id, java.sql.Types.BIGINT)
                    .param("company", companyId)
                    .param("owner", ownerId)
                    .params(columns(companyId, id, variable))
                    .param("position", position++)
                    .update();
        }
    }

    public void updateAll(long companyId, Owner owner, long ownerId, List<VariableData> variables) {
        variables.forEach(variable -> update(companyId, owner, ownerId, variable, null));
    }

    /**
     * Makes the owner's variables exactly {@code variables}, in this order: a variable with an id is
     * updated in its row, one without is inserted, and the owner's other rows are deleted.
     */
    public void replaceAll(long companyId, Owner owner, long ownerId, List<VariableData> variables) {
        List<Long> kept = variables.stream().map(VariableData::id).filter(Objects::nonNull).toList();
        jdbc.sql("DELETE FROM variables WHERE company_id = :company AND " + owner.column + " = :owner AND id <> ALL(:kept)")
                .param("company", companyId)
                .param("owner", ownerId)
                .param("kept", Grouping.keyArray(kept))
                .update();
        for (int position = 0; position < variables.size(); position++) {
            VariableData variable = variables.get(position);
            if (variable.id() == null) {
                insertAll(companyId, owner, ownerId, List.of(variable), position);
            } else {
                update(companyId, owner, ownerId, variable, position);
            }
        }
    }

    /** @param position the new position, or null to keep it */
    private void update(long companyId, Owner owner, long ownerId, VariableData variable, Integer position) {
        jdbc.sql("UPDATE variables SET key = :key, value = :value, label = :label, secret = :secret, locked = :locked, "
                        + "alias = :alias, configurable = :configurable, required = :required, advanced = :advanced, "
                        + "position = COALESCE(:position, position) "
                        + "WHERE company_id = :company AND " + owner.column + " = :owner AND id = :id")
                .param("company", companyId)
                .param("owner", ownerId)
                .param("id", variable.id())
                .param("position", position, java.sql.Types.INTEGER)
                .params(columns(companyId, variable.id(), variable))
                .update();
    }

    /** @param id the row's id; null only when the value is not encrypted */
    private Map<String, Object> columns(long companyId, Long id, VariableData variable) {
        java.util.HashMap<String, Object> columns = new java.util.HashMap<>();
        columns.put("key", variable.key());
        columns.put("value", variable.secret() && variable.value() != null
                ? cipher.encrypt(variable.value(), EncryptedColumns.VARIABLE_VALUE.binding(companyId, id))
                : variable.value());
        columns.put("label", variable.label());
        columns.put("secret", variable.secret());
        columns.put("locked", variable.locked());
        columns.put("alias", variable.alias());
        columns.put("configurable", variable.configurable());
        columns.put("required", variable.required());
        columns.put("advanced", variable.advanced());
        return columns;
    }

    private static VariableView view(ResultSet rs) throws SQLException {
        boolean secret = rs.getBoolean("secret");
        String value = rs.getString("value");
        return new VariableView(rs.getLong("id"), rs.getString("key"), secret ? SecretMask.forOutput(value) : value,
                rs.getString("label"), secret, rs.getBoolean("locked"), new VariableView.Pivot(rs.getString("alias"),
                        rs.getBoolean("configurable"), rs.getBoolean("required"), rs.getBoolean("advanced")));
    }

    private VariableData data(long companyId, ResultSet rs) throws SQLException {
        boolean secret = rs.getBoolean("secret");
        String value = rs.getString("value");
        long id = rs.getLong("id");
        return new VariableData(id, rs.getString("key"),
                secret && value != null ? cipher.decrypt(value, EncryptedColumns.VARIABLE_VALUE.binding(companyId, id)) : value,
                rs.getString("label"), secret, rs.getBoolean("locked"), rs.getString("alias"), rs.getBoolean("configurable"),
                rs.getBoolean("required"), rs.getBoolean("advanced"));
    }
}
