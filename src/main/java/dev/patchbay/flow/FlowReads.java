package dev.patchbay.flow;

import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Page;
import dev.patchbay.query.Grouping;
import dev.patchbay.query.Grouping.Keyed;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.Relations;
import dev.patchbay.web.ApiTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read side of process flows: a page of flows (one query, which carries the total) and their steps
 * (one query for the whole page). The connectors' {@code processFlows} include uses the same two
 * queries, keyed by connector.
 */
@Service
class FlowReads {

    private record FlowRow(long id, String name, boolean enabled, String createdAt, String updatedAt) {}

    private final JdbcClient jdbc;
    private final ListReader lists;
    private final ListSource<FlowRow> source;

    FlowReads(JdbcClient jdbc, ListReader lists) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.source = ListSource.of("SELECT f.*", "FROM process_flows f WHERE f.company_id = :company", "f.id",
                "process flow", (rs, n) -> row(rs), Relations.none()).completedBy(this::withSteps);
    }

    Page list(long companyId, QueryParams query) {
        return lists.page(companyId, source, query);
    }

    Node get(long companyId, long id, IncludeTree includes) {
        return lists.one(companyId, source, id, includes);
    }

    /** The flows with a step using each connector, keyed by connector id, in flow id order. */
    Map<Long, List<?>> flowsByConnector(long companyId, Collection<Long> connectorIds) {
        List<Keyed<FlowRow>> rows = jdbc.sql("SELECT DISTINCT s.connector_id AS key, f.* FROM process_flows f "
                        + "JOIN process_flow_steps s ON s.process_flow_id = f.id "
                        + "WHERE f.company_id = :company AND s.connector_id IN (:ids) ORDER BY f.id")
                .param("company", companyId)
                .param("ids", connectorIds)
                .query((rs, n) -> new Keyed<>(rs.getLong("key"), row(rs)))
                .list();
        Map<Long, ProcessFlowView> views = withSteps(companyId, rows.stream().map(Keyed::value).distinct().toList()).stream()
                .collect(Collectors.toMap(ProcessFlowView::id, view -> view));
        return Grouping.byKey(rows.stream().map(row -> new Keyed<>(row.key(), views.get(row.value().id()))).toList());
    }

    private List<ProcessFlowView> withSteps(Long companyId, List<FlowRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<?>> steps = Grouping.byKey(jdbc.sql("SELECT s.* FROM process_flow_steps s "
                        + "JOIN process_flows f ON f.id = s.process_flow_id "
                        + "WHERE f.company_id = :company AND s.process_flow_id IN (:ids) ORDER BY s.position, s.id")
                .param("company", companyId)
                .param("ids", rows.stream().map(FlowRow::id).toList())
                .query((rs, n) -> new Keyed<>(rs.getLong("process_flow_id"), new ProcessFlowView.Step(rs.getLong("id"),
                        rs.getInt("position"), rs.getLong("connector_id"), rs.getObject("endpoint_id", Long.class))))
                .list());
        return rows.stream().map(row -> new ProcessFlowView(row.id(), row.name(), row.enabled(), stepsOf(steps, row.id()),
                row.createdAt(), row.updatedAt())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<ProcessFlowView.Step> stepsOf(Map<Long, List<?>> steps, long flowId) {
        return (List<ProcessFlowView.Step>) steps.getOrDefault(flowId, List.of());
    }

    private static FlowRow row(ResultSet rs) throws SQLException {
        return new FlowRow(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"),
                ApiTimestamps.format(rs.getObject("created_at", OffsetDateTime.class)),
                ApiTimestamps.format(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
