package dev.patchbay.query;

import dev.patchbay.web.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read path lists share: one query for the total, one for the page (filters, sort, tenant in the
 * WHERE), then one query per requested relation per level — the same count for 5 rows or 100.
 */
@Component
public class ListReader {

    private final JdbcClient jdbc;

    ListReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public <R> Page page(long companyId, ListSource<R> source, QueryParams query) {
        String where = " " + source.from() + query.andConditions();
        long total = jdbc.sql("SELECT count(*)" + where)
                .param("company", companyId)
                .params(source.parameters())
                .params(query.parameters())
                .query(Long.class)
                .single();
        List<R> rows = total <= query.offset() ? List.of() : jdbc.sql(source.columns() + where + " ORDER BY "
                        + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .param("company", companyId)
                .params(source.parameters())
                .params(query.parameters())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query(source.rows())
                .list();
        return new Page(IncludeEngine.load(companyId, complete(companyId, source, rows), source.relations(), query.includes()),
                total);
    }

    /** One record with its includes; a 404 naming the resource when it is not the company's. */
    @Transactional(readOnly = true)
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
