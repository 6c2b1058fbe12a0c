package dev.patchbay.query;

import dev.patchbay.web.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read path lists share: the page and its total (filters, sort, tenant in the WHERE) in one round trip,
 * then one round trip per include level ({@link IncludeEngine}) — the same count for 5 rows or 100.
 */
@Component
public class ListReader {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations named;

    ListReader(JdbcClient jdbc, NamedParameterJdbcOperations named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * The total and the page as two statements sent together, in one round trip. Not one statement with
     * {@code count(*) OVER ()}: the window makes PostgreSQL build, keep and sort every matching row in full
     * before the LIMIT, where the count alone reads narrow rows and the page can stop at its last row (about
     * a third more lists per second on this machine, docs/performance.md). No transaction: at PostgreSQL's
     * READ COMMITTED every statement sees its own snapshot anyway, so one would only add the round trips of
     * BEGIN and COMMIT.
     */
    public <R> Page page(long companyId, ListSource<R> source, QueryParams query) {
        String conditions = query.andConditions();
        String where = " " + source.from() + conditions;
        String countedOver = conditions.isEmpty() ? " " + source.countFrom() : where; // see ListSource.countFrom
        MapSqlParameterSource parameters = new MapSqlParameterSource("company", companyId)
                .addValues(source.parameters())
                .addValues(query.parameters())
                .addValue("limit", query.perPage())
                .addValue("offset", query.offset());
        RowMapper<R> rows = source.rows();
        String sql = "SELECT count(*)" + countedOver + ";\n"
                + source.columns() + where + " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset";
        Counted<R> counted = named.execute(sql, parameters, (PreparedStatement statement) -> {
            statement.execute();
            long total;
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                total = rs.getLong(1);
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("The page query answered no rows.");
            }
            List<R> page = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    page.add(rows.mapRow(rs, page.size()));
                }
            }
            return new Counted<>(page, total);
        });
        return new Page(IncludeEngine.load(companyId, complete(companyId, source, counted.rows()), source.relations(),
                query.includes()), counted.total());
    }

    private record Counted<R>(List<R> rows, long total) {}

    /** One record with its includes; a 404 naming the resource when it is not the company's. */
    public <R> Node one(long companyId, ListSource<R> source, long id, IncludeTree includes) {
        R row = jdbc.sql(source.columns() + " " + source.from() + " AND " + source.idColumn() + " = :id")
                .param("company", companyId)
                .params(source.parameters())
                .param("id", id)
                .query(source.rows())
                .optional()
                .orElseThrow(() -> NotFoundException.of(source.resource(), id));
        return IncludeEngine.load(companyId, complete(companyId, source, List.of(row)), source.relations(), includes).get(0);
    }

    private static <R> List<?> complete(long companyId, ListSource<R> source, List<R> rows) {
        return rows.isEmpty() ? List.of() : source.complete().apply(companyId, rows);
    }
}
