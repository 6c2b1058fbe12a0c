package dev.patchbay.flow;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which process flows use a connector; a connector in use cannot be removed. */
@Component
public class FlowUsage {

    public record FlowRef(long id, String name, boolean enabled) {}

    private final JdbcClient jdbc;

    FlowUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FlowRef> flowsUsing(long companyId, long connectorId) {
        return jdbc.sql("SELECT DISTINCT f.id, f.name, f.enabled FROM process_flows f "
                        + "JOIN process_flow_steps s ON s.process_flow_id = f.id "
                        + "WHERE f.company_id = :company AND s.connector_id = :connector ORDER BY f.id")
                .param("company", companyId)
                .param("connector", connectorId)
                .query(FlowRef.class)
                .list();
    }
}
