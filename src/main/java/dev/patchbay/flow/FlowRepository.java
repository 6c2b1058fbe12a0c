package dev.patchbay.flow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side's SQL for process flows and their steps; every statement is scoped by company. */
@Repository
class FlowRepository {

    /** What a flow's step may reference: a connector with the system behind it, or an endpoint with its system. */
    record SystemOf(long id, long systemId) {}

    private final JdbcClient jdbc;

    FlowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long companyId, FlowSettings flow) {
        return jdbc.sql("INSERT INTO process_flows (company_id, name, enabled) VALUES (:company, :name, :enabled) RETURNING id")
                .param("company", companyId)
                .param("name", flow.name())
                .param("enabled", flow.enabled())
                .query(Long.class)
                .single();
    }

    Optional<FlowSettings> findForUpdate(long companyId, long id) {
        return jdbc.sql("SELECT name, enabled FROM process_flows WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", id)
                .query((rs, n) -> new FlowSettings(rs.getString("name"), rs.getBoolean("enabled"), null))
                .optional();
    }

    void update(long companyId, long id, FlowSettings flow) {
        jdbc.sql("UPDATE process_flows SET name = :name, enabled = :enabled, updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .param("name", flow.name())
                .param("enabled", flow.enabled())
                .update();
    }

    /** Replaces the flow's steps; the database refuses a step naming another company's connector or endpoint. */
    void replaceSteps(long companyId, long flowId, List<FlowRequest.StepInput> steps) {
        jdbc.sql("DELETE FROM process_flow_steps WHERE company_id = :company AND process_flow_id = :flow")
                .param("company", companyId)
                .param("flow", flowId)
                .update();
        for (int position = 0; position < steps.size(); position++) {
            jdbc.sql("INSERT INTO process_flow_steps (company_id, process_flow_id, position, connector_id, endpoint_id) "
                            + "VALUES (:company, :flow, :position, :connector, :endpoint)")
                    .param("company", companyId)
                    .param("flow", flowId)
                    .param("position", position)
                    .param("connector", steps.get(position).connectorId())
                    .param("endpoint", steps.get(position).endpointId())
                    .update();
        }
    }

    /**
     * The company's connectors among these ids, with their system. The key-share lock keeps them from
     * being deleted before the steps that use them are written (a connector's delete checks for flows).
     */
    Map<Long, Long> connectorSystems(long companyId, Collection<Long> connectorIds) {
        return systems(jdbc.sql("SELECT c.id, ai.system_id FROM connectors c "
                        + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id "
                        + "WHERE c.company_id = :company AND c.id IN (:ids) FOR KEY SHARE OF c")
                .param("company", companyId)
                .param("ids", connectorIds)
                .query(SystemOf.class)
                .list());
    }

    Map<Long, Long> endpointSystems(long companyId, Collection<Long> endpointIds) {
        return systems(jdbc.sql("SELECT id, system_id FROM endpoints WHERE company_id = :company AND id IN (:ids) FOR KEY SHARE")
                .param("company", companyId)
                .param("ids", endpointIds)
                .query(SystemOf.class)
                .list());
    }

    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM process_flows WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .update();
    }

    private static Map<Long, Long> systems(List<SystemOf> rows) {
        return rows.stream().collect(Collectors.toMap(SystemOf::id, SystemOf::systemId));
    }
}
