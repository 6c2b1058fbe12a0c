package dev.patchbay.builder;

import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeEngine;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.Relations;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The read path every builder list shares: the shared {@link ListReader} over the ids of one page
 * (filters, sort, tenant in the WHERE), completed by the views of those ids in one batch query.
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

    private final ListReader lists;

    Listing(ListReader lists) {
        this.lists = lists;
    }

    /** Reads the page's ids through the shared {@link ListReader}, then their views in one batch query. */
    public Page page(long companyId, Source source, QueryParams query, BiFunction<Long, List<Long>, List<?>> views,
            Relations relations) {
        ListSource<Long> ids = ListSource.of("SELECT " + source.alias() + ".id", source.where().trim(),
                source.alias() + ".id", source.table(), (rs, n) -> rs.getLong(1), relations)
                .completedBy(views)
                .withParameters(source.extraParameters());
        return lists.page(companyId, ids, query);
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
