package dev.patchbay.connector;

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
 * The read side: a page of connectors (one query for the page, one for the total) and then one
 * query per requested include per level, whatever the page size.
 */
@Service
class ConnectorQueries {

    private static final String FROM = " FROM connectors c "
            + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id "
            + "JOIN systems s ON s.id = ai.system_id WHERE c.company_id = :company";
    private static final String SELECT = "SELECT c.*, s.id AS s_id, s.name AS s_name, s.label AS s_label, "
            + "s.canonical_key AS s_canonical_key, s.system_template_id AS s_system_template_id" + FROM;

    private final JdbcClient jdbc;
    private final ConnectorResource resource;

    ConnectorQueries(JdbcClient jdbc, ConnectorResource resource) {
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
        List<ConnectorView> views = total <= query.offset() ? List.of() : jdbc.sql(SELECT + query.andConditions()
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
        ConnectorView view = jdbc.sql(SELECT + " AND c.id = :id")
                .param("company", companyId)
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> NotFoundException.of("connector", id));
        return IncludeEngine.load(companyId, List.of(view), resource.relations(), includes).get(0);
    }

    private static ConnectorView view(ResultSet rs) throws SQLException {
        return new ConnectorView(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
                rs.getLong("authentication_implementation_id"), rs.getString("timezone"), rs.getString("date_format"),
                rs.getString("rate_limit_unit"), rs.getInt("rate_limit_duration"), rs.getObject("connection_pool_id", Long.class),
                rs.getObject("certificate_id", Long.class), rs.getString("session_id"), rs.getString("platform_app_key"),
                new ConnectorView.SystemSummary(rs.getLong("s_id"), rs.getString("s_name"), rs.getString("s_label"),
                        rs.getString("s_canonical_key"), rs.getString("s_system_template_id")),
                ApiTimestamps.format(rs.getObject("created_at", OffsetDateTime.class)),
                ApiTimestamps.format(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
