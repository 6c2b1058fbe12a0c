package dev.patchbay.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * A batch loader that is one SELECT: it takes the keys as the array {@code :ids} (for {@code = ANY(:ids)}),
 * company-owned rows also the company as {@code :company}, and its column {@code k} is the key each row was
 * loaded for. Because it is nothing but that statement, the include engine can send the keyed queries of one
 * level of a read together, in one round trip ({@link #runAll}), and skip keys an earlier level of the same
 * read has loaded with the same query.
 *
 * <p>Why that matters: a round trip to PostgreSQL costs both processes a wake-up, a read and a write, and on a
 * busy two-core machine a statement sent alone cost about three times the CPU of one sent with others (docs/
 * performance.md, "Fourth pass"). A deep page used to send 16 in sequence.
 */
public final class KeyedQuery implements BatchLoader {

    /** Makes one row's view; the key column is read by the query itself. */
    @FunctionalInterface
    public interface RowMaker {
        Object make(ResultSet rs) throws SQLException;
    }

    /** One load of a query for some keys, as {@link #runAll} takes them. */
    record Load(KeyedQuery query, Collection<Long> keys) {}

    private static final String KEY_COLUMN = "k";
    private static final Object COMPANY = new Object();
    private static final Object IDS = new Object();

    private final JdbcOperations jdbc;
    private final String sql;
    /** Per placeholder, in order: true where the company goes, false where the keys go. */
    private final boolean[] companyAt;
    private final RowMaker rows;

    private KeyedQuery(JdbcOperations jdbc, String sql, boolean[] companyAt, RowMaker rows) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.companyAt = companyAt;
        this.rows = rows;
    }

    /**
     * A keyed query from SQL with the named parameters {@code :ids} and, for company-owned rows, {@code :company}
     * (no others), selecting the key as {@code k}. Checked here, at startup, rather than on the first read.
     */
    public static KeyedQuery of(JdbcOperations jdbc, String namedSql, RowMaker rows) {
        if (namedSql.indexOf(';') >= 0) {
            throw new IllegalArgumentException("A keyed query is one statement (it is sent beside others): " + namedSql);
        }
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
        MapSqlParameterSource markers = new MapSqlParameterSource().addValue("company", COMPANY).addValue("ids", IDS);
        // throws for a parameter other than these two, naming it
        Object[] order = NamedParameterUtils.buildValueArray(parsed, markers, null);
        boolean[] companyAt = new boolean[order.length];
        boolean hasIds = false;
        for (int i = 0; i < order.length; i++) {
            companyAt[i] = order[i] == COMPANY;
            hasIds |= order[i] == IDS;
        }
        if (!hasIds) {
            throw new IllegalArgumentException("A keyed query takes its keys as :ids: " + namedSql);
        }
        return new KeyedQuery(jdbc, NamedParameterUtils.substituteNamedParameters(parsed, markers), companyAt, rows);
    }

    @Override
    public Map<Long, List<?>> load(long companyId, Collection<Long> keys) {
        return runAll(companyId, List.of(new Load(this, keys))).get(0);
    }

    /**
     * Runs every load in one round trip: their statements joined into one text, executed once (the driver sends
     * each statement's parse, bind and execute, then one sync), and read result set by result set. The loads must
     * share one {@link JdbcOperations} (one database); the result has each load's rows by key, in load order.
     */
    static List<Map<Long, List<?>>> runAll(long companyId, List<Load> loads) {
        JdbcOperations jdbc = loads.get(0).query().jdbc;
        StringBuilder text = new StringBuilder();
        for (Load load : loads) {
            if (load.query().jdbc != jdbc) {
                throw new IllegalArgumentException("Keyed queries of different databases cannot share a round trip.");
            }
            text.append(text.isEmpty() ? "" : ";\n").append(load.query().sql);
        }
        return jdbc.execute(text.toString(), (PreparedStatement statement) -> {
            int index = 1;
            for (Load load : loads) {
                long[] keys = Grouping.keyArray(load.keys());
                for (boolean company : load.query().companyAt) {
                    if (company) {
                        statement.setLong(index++, companyId);
                    } else {
                        statement.setObject(index++, keys);
                    }
                }
            }
            boolean resultSet = statement.execute();
            List<Map<Long, List<?>>> results = new ArrayList<>(loads.size());
            for (Load load : loads) {
                if (!resultSet) {
                    throw new IllegalStateException("A keyed query answered no rows: " + load.query().sql);
                }
                try (ResultSet rs = statement.getResultSet()) {
                    results.add(load.query().group(rs));
                }
                resultSet = statement.getMoreResults();
            }
            return results;
        });
    }

    private Map<Long, List<?>> group(ResultSet rs) throws SQLException {
        Map<Long, List<?>> byKey = new LinkedHashMap<>();
        int key = rs.findColumn(KEY_COLUMN);
        while (rs.next()) {
            @SuppressWarnings("unchecked")
            List<Object> children = (List<Object>) byKey.computeIfAbsent(rs.getLong(key), k -> new ArrayList<>());
            children.add(rows.make(rs));
        }
        return byKey;
    }

    @Override
    public String toString() {
        return sql;
    }
}
