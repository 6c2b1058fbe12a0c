package dev.patchbay.query;

import dev.patchbay.web.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read path lists share: one query for the page and its total (filters, sort, tenant in the
 * WHERE), then one query per requested relation per level — the same count for 5 rows or 100.
 */
@Component
public class ListReader {

    /** The window column carrying the total; named so that no table's column can clash with it. */
    private static final String TOTAL = "list_reader_total_rows";

    private final JdbcClient jdbc;

    ListReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page and the total in one statement ({@code count(*) OVER ()} rides along on every row); only
     * a page past the end, which has no row to carry it, costs a separate count. No transaction: at
     * PostgreSQL's READ COMMITTED every statement sees its own snapshot anyway, so one would only add
     * the round trips of BEGIN and COMMIT.
     */
    public <R> Page page(long companyId, ListSource<R> source, QueryParams query) {
        String where = " " + source.from() + query.andConditions();
        long[] total = {0};
        RowMapper<R> rows = source.rows();
        List<R> page = jdbc.sql(source.columns() + ", count(*) OVER () AS " + TOTAL + where + " ORDER BY "
                        + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .param("company", companyId)
                .params(source.parameters())
                .params(query.parameters())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query((rs, n) -> {
                    total[0] = rs.getLong(TOTAL);
                    return rows.mapRow(rs, n);
                })
                .list();
        if (page.isEmpty() && query.offset() > 0) {
            total[0] = jdbc.sql("SELECT count(*)" + where)
                    .param("company", companyId)
                    .params(source.parameters())
                    .params(query.parameters())
                    .query(Long.class)
                    .single();
        }
        return new Page(IncludeEngine.load(companyId, complete(companyId, source, page), source.relations(), query.includes()),
                total[0]);
    }

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
