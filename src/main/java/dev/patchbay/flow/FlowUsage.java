package dev.patchbay.flow;

import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.web.InUseException.User;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which process flows use a connector: a connector in use cannot be removed, and a connector shows
 * its flows through the {@code processFlows} include.
 */
@Component
public class FlowUsage {

    private final JdbcClient jdbc;
    private final FlowReads reads;

    FlowUsage(JdbcClient jdbc, FlowReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** A to-many {@code process_flows} relation of a connector view, keyed by the connector's id; flows come with their steps. */
    public <P> Relation relation(Function<P, Long> connectorId) {
        return Relation.many("process_flows", connectorId, reads::flowsByConnector, Relations::none);
    }

    /** The flows with a step using the connector, each with whether it is enabled (the connectors API names that). */
    public List<User> flowsUsing(long companyId, long connectorId) {
        return jdbc.sql("SELECT DISTINCT f.id, f.name, f.enabled FROM process_flows f "
                        + "JOIN process_flow_steps s ON s.process_flow_id = f.id "
                        + "WHERE f.company_id = :company AND s.connector_id = :connector ORDER BY f.id")
                .param("company", companyId)
                .param("connector", connectorId)
                .query((rs, n) -> User.withState(rs.getLong("id"), rs.getString("name"),
                        rs.getBoolean("enabled") ? "enabled" : "disabled"))
                .list();
    }
}
