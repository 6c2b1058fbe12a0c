package dev.patchbay.secret;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ids taken from a table's sequence before the row is inserted: a ciphertext is bound to its row's id
 * ({@link RowBinding}), so the id must be known when the value is encrypted.
 */
public final class RowIds {

    private RowIds() {}

    /** The next id of a table whose {@code id} column is a {@code BIGSERIAL} (or identity) column. */
    public static long next(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id'))")
                .param("table", table)
                .query(Long.class)
                .single();
    }
}
