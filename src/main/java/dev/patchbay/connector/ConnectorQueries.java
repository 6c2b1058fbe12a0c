package dev.patchbay.connector;

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
import org.springframework.stereotype.Service;

/**
 * The read side: a page of connectors (one query for the page and its total) and then one
 * query per requested include per level, whatever the page size.
 */
@Service
class ConnectorQueries {

    private final ListReader lists;
    private final ListSource<ConnectorView> source;

    ConnectorQueries(ListReader lists, ConnectorResource resource) {
        this.lists = lists;
        this.source = ListSource.of("SELECT c.*, s.id AS s_id, s.name AS s_name, s.label AS s_label, "
                        + "s.canonical_key AS s_canonical_key, s.system_template_id AS s_system_template_id",
                "FROM connectors c JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id "
                        + "JOIN systems s ON s.id = ai.system_id WHERE c.company_id = :company",
                "c.id", "connector", (rs, n) -> view(rs), resource.relations())
                // Both joins follow a NOT NULL foreign key to a primary key (V10_2's company-scoped keys):
                // each connector meets exactly one implementation and one system, so they never change the count.
                .countedWithoutJoinsOver("FROM connectors c WHERE c.company_id = :company");
    }

    Page list(long companyId, QueryParams query) {
        return lists.page(companyId, source, query);
    }

    Node get(long companyId, long id, IncludeTree includes) {
        return lists.one(companyId, source, id, includes);
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
