package dev.patchbay.pool;

import dev.patchbay.outbound.PoolLoads;
import dev.patchbay.outbound.limit.PoolUsage;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.web.ApiTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The read side: a page of pools (one query for the page, one for the total), their live usage
 * from the outbound engine (one call for the page, no query), then one query per requested include
 * level: the pools' connectors, then their systems.
 */
@Service
class PoolReads {

    private final ListReader lists;
    private final ListSource<PoolView> source;

    PoolReads(ListReader lists, PoolResource resource, PoolLoads loads) {
        this.lists = lists;
        this.source = ListSource.of("SELECT p.*", "FROM connection_pools p WHERE p.company_id = :company", "p.id",
                "connection pool", (rs, n) -> view(rs), resource.relations())
                .completedBy((companyId, page) -> withUsage(page, loads));
    }

    Page list(long companyId, QueryParams query) {
        return lists.page(companyId, source, query);
    }

    Node get(long companyId, long id, IncludeTree includes) {
        return lists.one(companyId, source, id, includes);
    }

    private static PoolView view(ResultSet rs) throws SQLException {
        return new PoolView(rs.getLong("id"), rs.getString("name"), rs.getInt("limit"), rs.getObject("timeout", Integer.class),
                PoolUsageView.IDLE, timestamp(rs, "created_at"), timestamp(rs, "updated_at"));
    }

    private static List<PoolView> withUsage(List<PoolView> page, PoolLoads loads) {
        Map<Long, PoolUsage> usage = loads.of(page.stream().map(PoolView::id).toList());
        return page.stream().map(pool -> {
            PoolUsage live = usage.get(pool.id());
            return live == null ? pool : pool.withUsage(new PoolUsageView(live.inFlight(), live.waiting()));
        }).toList();
    }

    static String timestamp(ResultSet rs, String column) throws SQLException {
        return ApiTimestamps.format(rs.getObject(column, OffsetDateTime.class));
    }
}
