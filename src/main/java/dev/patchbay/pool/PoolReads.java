package dev.patchbay.pool;

import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeEngine;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.web.ApiTimestamps;
import dev.patchbay.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side: a page of pools (one query for the page, one for the total), then one query per
 * requested include level: the pools' connectors, then their systems.
 */
@Service
class PoolReads {

    private static final String FROM = " FROM connection_pools p WHERE p.company_id = :company";

    private final JdbcClient jdbc;
    private final PoolResource resource;

    PoolReads(JdbcClient jdbc, PoolResource resource) {
        this.jdbc = jdbc;
        this.resource = resource;
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        long total = jdbc.sql("SELECT count(*)" + FROM + query.andConditions())
                .param("company", companyId)
                .params(query.parameters())
                .query(Long.class)
                .single();
        List<PoolView> views = total <= query.offset() ? List.of() : jdbc.sql("SELECT p.*" + FROM + query.andConditions()
                        + " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .param("company", companyId)
                .params(query.parameters())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query((rs, n) -> view(rs))
                .list();
        return new Page(IncludeEngine.load(companyId, views, resource.relations(), query.includes()), total);
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        PoolView view = jdbc.sql("SELECT p.*" + FROM + " AND p.id = :id")
                .param("company", companyId)
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> NotFoundException.of("connection pool", id));
        return IncludeEngine.load(companyId, List.of(view), resource.relations(), includes).get(0);
    }

    private static PoolView view(ResultSet rs) throws SQLException {
        return new PoolView(rs.getLong("id"), rs.getString("name"), rs.getInt("limit"), rs.getObject("timeout", Integer.class),
                timestamp(rs, "created_at"), timestamp(rs, "updated_at"));
    }

    static String timestamp(ResultSet rs, String column) throws SQLException {
        return ApiTimestamps.format(rs.getObject(column, OffsetDateTime.class));
    }
}
