package dev.patchbay.web;

import java.sql.SQLException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Which database constraint refused a write, read from PostgreSQL's structured error fields (SQLState
 * and constraint name), never from the message text, which carries the row's values.
 *
 * <p>The services check what they can before writing, so a constraint only decides when another
 * transaction changed the same records in between: two creates of the same unique key, or a parent
 * deleted while a child pointing at it was inserted (or the reverse). Those are unique and foreign-key
 * violations of a named constraint. Everything else (a check, a not-null, a value too long for its
 * column, a foreign key into reference data that no request deletes) means the service let through
 * what it should have refused: a bug, not a race.
 *
 * @param sqlState the SQLState, or null when no database error is in the cause chain
 * @param constraint the constraint's name, or null when the server named none
 */
record ConstraintViolation(String sqlState, String constraint) {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    /**
     * Foreign keys into the shared reference tables (system, authentication and entity types): those rows
     * are never deleted, so a violation is an id that validation should have refused.
     */
    static final Set<String> REFERENCE_DATA_KEYS = Set.of("systems_system_type_id_fkey",
            "authentication_implementations_authentication_type_id_fkey", "endpoints_entity_type_id_fkey");

    static ConstraintViolation of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // A batch reports the failed statement's error as its next exception, not as its cause.
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next instanceof PSQLException database) {
                        ServerErrorMessage server = database.getServerErrorMessage();
                        return new ConstraintViolation(database.getSQLState(), server == null ? null : server.getConstraint());
                    }
                }
                return new ConstraintViolation(sql.getSQLState(), null);
            }
        }
        return new ConstraintViolation(null, null);
    }

    /** A unique or foreign-key violation of a named constraint that concurrent requests can break. */
    boolean isConcurrentChange() {
        return constraint != null && !REFERENCE_DATA_KEYS.contains(constraint)
                && (UNIQUE_VIOLATION.equals(sqlState) || FOREIGN_KEY_VIOLATION.equals(sqlState));
    }

    /** For a log line: state and constraint are the schema's names, never a value. */
    @Override
    public String toString() {
        return "SQLState " + sqlState + ", constraint " + constraint;
    }
}
