package dev.patchbay.secret;

import java.util.List;

/**
 * Every column that holds ciphertext, the list {@code rotate-keys} works through. A feature that adds an
 * encrypted column adds a line here and binds its values with the same table and column names.
 */
public final class EncryptedColumns {

    /**
     * One column of ciphertext. {@code idColumn} is the row id the values are bound to, {@code onlyWhere} a
     * condition for tables where only some rows hold ciphertext (empty when every non-null value does).
     */
    public record Column(String table, String column, String idColumn, String onlyWhere) {

        public RowBinding binding(long companyId, long rowId) {
            return RowBinding.of(table, column, companyId, rowId);
        }
    }

    public static final Column VARIABLE_VALUE = new Column("variables", "value", "id", "secret");
    public static final Column CERTIFICATE_CONTENT = new Column("certificates", "content_encrypted", "id", "");
    public static final Column CERTIFICATE_PASSPHRASE = new Column("certificates", "passphrase_encrypted", "id", "");
    public static final Column ACCESS_TOKEN = new Column("connector_tokens", "access_token_encrypted", "connector_id", "");
    public static final Column REFRESH_TOKEN = new Column("connector_tokens", "refresh_token_encrypted", "connector_id", "");

    public static final Column ASYNC_PAYLOAD = new Column("async_requests", "payload_encrypted", "id", "");
    public static final Column ASYNC_RESULT = new Column("async_requests", "result_encrypted", "id", "");

    public static final List<Column> ALL = List.of(VARIABLE_VALUE, CERTIFICATE_CONTENT, CERTIFICATE_PASSPHRASE,
            ACCESS_TOKEN, REFRESH_TOKEN, ASYNC_PAYLOAD, ASYNC_RESULT);

    private EncryptedColumns() {}
}
