package dev.patchbay.query;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.RowMapper;

/**
 * What one resource's list and single reads are made of: its columns, its FROM clause, how a row
 * becomes a view, and its relations. {@code complete} may turn a page of rows into views with one more
 * query (e.g. flows and their steps, or ids into records); {@code parameters} fill any named parameter
 * of {@code from} besides {@code :company}.
 *
 * <p>Tenancy by construction: {@link #of} refuses a FROM clause whose WHERE does not hold the tenant
 * condition ({@code p.company_id = :company}) as a top-level AND term (see {@link TenantCondition}).
 * Sources are built when the service declaring them is created, so a forgotten condition stops the
 * application at start instead of showing one company another's rows. Data that every company shares
 * (definitions, reference types) is declared with {@link #shared}, which says so where it is written.
 */
public final class ListSource<R> {

    private final String columns;
    private final String from;
    private final String idColumn;
    private final String resource;
    private final RowMapper<R> rows;
    private final BiFunction<Long, List<R>, List<?>> complete;
    private final Relations relations;
    private final Map<String, Object> parameters;
    private final String countFrom;

    private ListSource(String columns, String from, String idColumn, String resource, RowMapper<R> rows,
            BiFunction<Long, List<R>, List<?>> complete, Relations relations, Map<String, Object> parameters,
            String countFrom) {
        this.columns = columns;
        this.from = from;
        this.countFrom = countFrom;
        this.idColumn = idColumn;
        this.resource = resource;
        this.rows = rows;
        this.complete = complete;
        this.relations = relations;
        this.parameters = parameters;
    }

    /**
     * A company's records.
     *
     * @param columns  e.g. {@code SELECT p.*}
     * @param from     e.g. {@code FROM connection_pools p WHERE p.company_id = :company}
     * @param idColumn e.g. {@code p.id}
     * @param resource the name a 404 uses, e.g. {@code connection pool}
     * @throws IllegalArgumentException when {@code from} does not scope the rows to {@code :company}
     */
    public static <R> ListSource<R> of(String columns, String from, String idColumn, String resource, RowMapper<R> rows,
            Relations relations) {
        TenantCondition.require(from);
        return new ListSource<>(columns, from, idColumn, resource, rows, (company, page) -> page, relations, Map.of(),
                from);
    }

    /**
     * The same source, whose total is counted over {@code countFrom} when the request filters nothing.
     * For a FROM whose joins only add columns, each row meeting exactly one partner (a NOT NULL foreign
     * key to a primary key), the count without them is the same number for less work: the connector list's
     * total without its two joins cost PostgreSQL about 60 % of the CPU (docs/performance.md, "Fifth pass").
     * A filter may reach into the joined tables, so a filtered request counts over the full FROM.
     *
     * @param countFrom e.g. {@code FROM connectors c WHERE c.company_id = :company}
     * @throws IllegalArgumentException when {@code countFrom} does not scope the rows to {@code :company}
     */
    public ListSource<R> countedWithoutJoinsOver(String countFrom) {
        TenantCondition.require(countFrom);
        return new ListSource<>(columns, from, idColumn, resource, rows, complete, relations, parameters, countFrom);
    }

    /**
     * A company's records of one table read as ids (the page's filters and sort apply to the table,
     * aliased {@code alias}), then turned into views by one batch read ({@code views}, e.g. the catalog's records).
     */
    public static ListSource<Long> ofIds(String table, String alias, String resource,
            BiFunction<Long, List<Long>, List<?>> views, Relations relations) {
        return of("SELECT " + alias + ".id", "FROM " + table + " " + alias + " WHERE " + alias + ".company_id = :company",
                alias + ".id", resource, (rs, n) -> rs.getLong(1), relations).completedBy(views);
    }

    /**
     * Records every company shares, so no tenant condition applies; {@code :company}, if used at all, only
     * says who is asking (e.g. what that company has installed).
     */
    public static <R> ListSource<R> shared(String columns, String from, String idColumn, String resource, RowMapper<R> rows,
            Relations relations) {
        return new ListSource<>(columns, from, idColumn, resource, rows, (company, page) -> page, relations, Map.of(),
                from);
    }

    /**
     * The same company's source with one more condition, in parentheses, after the ones it has (checked again).
     * Its total is counted over the full FROM: the condition may reach into the joined tables.
     */
    public ListSource<R> where(String condition) {
        return of(columns, from + " AND (" + condition + ")", idColumn, resource, rows, relations)
                .completedBy(complete).withParameters(parameters);
    }

    /** The same source completing each page with one more query. */
    public ListSource<R> completedBy(BiFunction<Long, List<R>, List<?>> completion) {
        return new ListSource<>(columns, from, idColumn, resource, rows, completion, relations, parameters, countFrom);
    }

    /** The same source with named parameters of its own FROM clause (besides {@code :company}). */
    public ListSource<R> withParameters(Map<String, Object> values) {
        return new ListSource<>(columns, from, idColumn, resource, rows, complete, relations, values, countFrom);
    }

    String columns() {
        return columns;
    }

    String from() {
        return from;
    }

    /** The FROM clause the total of an unfiltered request is counted over ({@link #countedWithoutJoinsOver}). */
    String countFrom() {
        return countFrom;
    }

    String idColumn() {
        return idColumn;
    }

    String resource() {
        return resource;
    }

    RowMapper<R> rows() {
        return rows;
    }

    BiFunction<Long, List<R>, List<?>> complete() {
        return complete;
    }

    Relations relations() {
        return relations;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
