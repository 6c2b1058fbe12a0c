package dev.patchbay.secret;

import java.nio.charset.StandardCharsets;

/**
 * The record a ciphertext belongs to: its table and column, the row's id and the row's company. It is
 * sealed into the ciphertext as AES-GCM associated data, so a value copied into another row, another
 * column or another tenant's record does not decrypt there. A caller names the row it reads or writes:
 * {@code RowBinding.of("variables", "value", companyId, id)}. A row whose id comes from a sequence takes
 * its id first ({@link RowIds#next}), so the value can be encrypted before the insert.
 */
public record RowBinding(String table, String column, long companyId, long rowId) {

    public RowBinding {
        if (table == null || table.isBlank() || column == null || column.isBlank()) {
            throw new IllegalArgumentException("A row binding names a table and a column");
        }
    }

    public static RowBinding of(String table, String column, long companyId, long rowId) {
        return new RowBinding(table, column, companyId, rowId);
    }

    /** Where the value lives, for error messages and logs: never the value itself. */
    public String describe() {
        return table + "." + column + " #" + rowId;
    }

    byte[] associatedData(String keyId) {
        return ("patchbay:v2:" + keyId + ":" + table + "." + column + ":" + companyId + ":" + rowId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
