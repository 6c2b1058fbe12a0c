package dev.patchbay.query;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.RowMapper;

/**
 * What one resource's list and single reads are made of: its columns, its FROM clause (ending in
 * the tenant condition on {@code :company}), how a row becomes a view, and its relations.
 * {@code complete} may turn a page of rows into views with one more query (e.g. flows and their steps,
 * or ids into records); {@code parameters} fill any named parameter of {@code from} besides {@code :company}.
 *
 * @param columns  e.g. {@code SELECT p.*}
 * @param from     e.g. {@code FROM connection_pools p WHERE p.company_id = :company}
 * @param idColumn e.g. {@code p.id}
 * @param resource the name a 404 uses, e.g. {@code connection pool}
 */
public record ListSource<R>(
        String columns, String from, String idColumn, String resource, RowMapper<R> rows,
        BiFunction<Long, List<R>, List<?>> complete, Relations relations, Map<String, Object> parameters) {

    public static <R> ListSource<R> of(String columns, String from, String idColumn, String resource, RowMapper<R> rows,
            Relations relations) {
        return new ListSource<>(columns, from, idColumn, resource, rows, (company, page) -> page, relations, Map.of());
    }

    /** The same source completing each page with one more query. */
    public ListSource<R> completedBy(BiFunction<Long, List<R>, List<?>> completion) {
        return new ListSource<>(columns, from, idColumn, resource, rows, completion, relations, parameters);
    }

    /** The same source with named parameters of its own FROM clause (besides {@code :company}). */
    public ListSource<R> withParameters(Map<String, Object> values) {
        return new ListSource<>(columns, from, idColumn, resource, rows, complete, relations, values);
    }
}
