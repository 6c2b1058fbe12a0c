package dev.patchbay.builder;

import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeEngine;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.Relations;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read path every builder list shares: count, then the ids of one page (filters, sort, tenant in
 * the WHERE), then the views of those ids with one batch query, then one query per include level.
 */
@Component
public class Listing {

    /**
     * A table and its alias ({@code systems s}) with the conditions every row of the list meets; the
     * tenant condition {@code <alias>.company_id = :company} is always added.
     */
    public record Source(String table, String alias, String extraCondition, Map<String, Object> extraParameters) {

        public static Source of(String table, String alias) {
            return new Source(table, alias, null, Map.of());
        }

        String where() {
            return " FROM " + table + " " + alias + " WHERE " + alias + ".company_id = :company"
                    + (extraCondition == null ? "" : " AND (" + extraCondition + ")");
        }
    }

    private final JdbcClient jdbc;

    Listing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(long companyId, Source source, QueryParams query, BiFunction<Long, List<Long>, List<?>> views,
            Relations relations) {
        long total = jdbc.sql("SELECT count(*)" + source.where() + query.andConditions())
                .param("company", companyId)
                .params(source.extraParameters())
                .params(query.parameters())
                .query(Long.class)
                .single();
        List<Long> ids = total <= query.offset() ? List.of() : jdbc.sql("SELECT " + source.alias() + ".id" + source.where()
                        + query.andConditions() + " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .param("company", companyId)
                .params(source.extraParameters())
                .params(query.parameters())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query(Long.class)
                .list();
        List<?> loaded = ids.isEmpty() ? List.of() : views.apply(companyId, ids);
        return new Page(IncludeEngine.load(companyId, loaded, relations, query.includes()), total);
    }

    /** One record with its includes; 404 (named {@code resource}) when it is not the company's. */
    public Node one(long companyId, long id, String resource, BiFunction<Long, List<Long>, List<?>> views,
            Relations relations, IncludeTree includes) {
        List<?> found = views.apply(companyId, List.of(id));
        if (found.isEmpty()) {
            throw NotFoundException.of(resource, id);
        }
        return IncludeEngine.load(companyId, found, relations, includes).get(0);
    }
}
