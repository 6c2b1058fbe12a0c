package dev.patchbay.secret;

import dev.patchbay.secret.EncryptedColumns.Column;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-encrypts every stored secret that is not yet in the current format under the current key, column by
 * column ({@link EncryptedColumns}) and in batches of rows, printing its progress.
 *
 * <p>Safe to interrupt and to run again, also while Patchbay serves requests: each value is replaced by
 * one atomic compare-and-set update (only if the row still holds the value that was read), so a row is
 * at every moment either in its old form or in its new one, both readable while the old key is in the
 * ring; a value that a request changed meanwhile is left as the request wrote it. Which rows remain is
 * read from the data itself, so a rerun continues where the last run stopped. Values that no key of the
 * ring opens are reported (where they are, never what) and left untouched.
 */
public final class KeyRotation {

    /** What one run did. {@code unreadable} names each value the ring could not open. */
    public record Report(long reEncrypted, long alreadyCurrent, long changedMeanwhile, List<String> unreadable) {

        public boolean complete() {
            return unreadable.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final int batchSize;
    private final PrintStream out;

    public KeyRotation(JdbcClient jdbc, SecretCipher cipher, int batchSize, PrintStream out) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1");
        }
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.batchSize = batchSize;
        this.out = out;
    }

    public Report run(List<Column> columns) {
        out.println("Re-encrypting stored secrets under the key " + cipher.ring().currentId()
                + " (keys in the ring: " + String.join(", ", cipher.ring().ids()) + ")");
        long reEncrypted = 0;
        long current = 0;
        long changed = 0;
        List<String> unreadable = new ArrayList<>();
        for (Column column : columns) {
            if (!exists(column)) {
                out.println(name(column) + ": no such table here, skipped");
                continue;
            }
            long total = count(column, false);
            long pending = count(column, true);
            current += total - pending;
            out.println(name(column) + ": " + total + " values, " + pending + " to re-encrypt");
            long[] done = rotate(column, pending, unreadable);
            reEncrypted += done[0];
            changed += done[1];
        }
        Report report = new Report(reEncrypted, current, changed, List.copyOf(unreadable));
        out.println("Done: " + reEncrypted + " re-encrypted, " + current + " already current, " + changed
                + " changed by requests meanwhile (written under the current key), " + unreadable.size() + " unreadable.");
        if (report.complete()) {
            out.println("Every stored secret is now under the key " + cipher.ring().currentId()
                    + ". Older keys can be removed from patchbay.secrets.previous-keys.");
        } else {
            out.println("Keep the older keys configured: these values could not be decrypted with any key of the ring: "
                    + String.join(", ", unreadable));
        }
        return report;
    }

    /** Returns {re-encrypted, changed meanwhile}. */
    private long[] rotate(Column column, long pending, List<String> unreadable) {
        long after = Long.MIN_VALUE;
        long reEncrypted = 0;
        long changed = 0;
        long seen = 0;
        while (true) {
            List<StoredValue> batch = nextBatch(column, after);
            if (batch.isEmpty()) {
                return new long[] {reEncrypted, changed};
            }
            for (StoredValue value : batch) {
                RowBinding row = column.binding(value.companyId(), value.id());
                String fresh;
                try {
                    fresh = cipher.encrypt(cipher.decrypt(value.stored(), row), row);
                } catch (SecretUnreadableException e) {
                    unreadable.add(row.describe() + " (key " + keyIdOf(value.stored()) + ")");
                    continue;
                }
                if (replace(column, value, fresh)) {
                    reEncrypted++;
                } else {
                    changed++;
                }
            }
            seen += batch.size();
            after = batch.get(batch.size() - 1).id();
            out.println(name(column) + ": " + Math.min(seen, pending) + " of " + pending + " processed");
        }
    }

    private record StoredValue(long id, long companyId, String stored) {}

    private List<StoredValue> nextBatch(Column column, long after) {
        return jdbc.sql("SELECT " + column.idColumn() + " AS row_id, company_id, " + column.column() + " AS stored FROM "
                        + column.table() + " WHERE " + pendingCondition(column) + " AND " + column.idColumn() + " > :after"
                        + " ORDER BY " + column.idColumn() + " LIMIT :limit")
                .param("prefix", cipher.currentPrefix() + "%")
                .param("after", after)
                .param("limit", batchSize)
                .query((rs, n) -> new StoredValue(rs.getLong("row_id"), rs.getLong("company_id"), rs.getString("stored")))
                .list();
    }

    /** Compare-and-set: only a row that still holds what was read gets the new form. */
    private boolean replace(Column column, StoredValue value, String fresh) {
        return jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = :fresh WHERE " + column.idColumn()
                        + " = :id AND company_id = :company AND " + column.column() + " = :stored" + only(column))
                .param("fresh", fresh)
                .param("id", value.id())
                .param("company", value.companyId())
                .param("stored", value.stored())
                .update() == 1;
    }

    private long count(Column column, boolean pendingOnly) {
        String where = pendingOnly ? pendingCondition(column) : column.column() + " IS NOT NULL" + only(column);
        var statement = jdbc.sql("SELECT count(*) FROM " + column.table() + " WHERE " + where);
        if (pendingOnly) {
            statement = statement.param("prefix", cipher.currentPrefix() + "%");
        }
        return statement.query(Long.class).single();
    }

    private static String pendingCondition(Column column) {
        return column.column() + " IS NOT NULL AND " + column.column() + " NOT LIKE :prefix" + only(column);
    }

    private static String only(Column column) {
        return column.onlyWhere().isEmpty() ? "" : " AND " + column.onlyWhere();
    }

    private boolean exists(Column column) {
        return jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", column.table()).query(Boolean.class).single();
    }

    private static String name(Column column) {
        return column.table() + "." + column.column();
    }

    private static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 && parts[1].matches("[0-9a-f]{8}") ? parts[1] : "unknown";
    }
}
