package dev.patchbay.pool;

import dev.patchbay.query.Grouping;
import dev.patchbay.query.Grouping.Keyed;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Batch loaders behind the pools' includes: the connectors of many pools, then the systems of many connectors. */
@Component
class PoolConnectors {

    private final JdbcClient jdbc;

    PoolConnectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, List<?>> connectorsByPool(long companyId, Collection<Long> poolIds) {
        return Grouping.byKey(jdbc.sql("SELECT c.id, c.name, c.type, c.authentication_implementation_id, c.connection_pool_id, "
                        + "ai.system_id, c.created_at, c.updated_at FROM connectors c "
                        + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id "
                        + "WHERE c.company_id = :company AND c.connection_pool_id IN (:ids) ORDER BY c.id")
                .param("company", companyId)
                .param("ids", poolIds)
                .query((rs, n) -> new Keyed<>(rs.getLong("connection_pool_id"), new PoolConnectorView(rs.getLong("id"),
                        rs.getString("name"), rs.getString("type"), rs.getLong("authentication_implementation_id"),
                        rs.getLong("connection_pool_id"), rs.getLong("system_id"), PoolReads.timestamp(rs, "created_at"),
                        PoolReads.timestamp(rs, "updated_at"))))
                .list());
    }

    Map<Long, List<?>> systemsById(long companyId, Collection<Long> systemIds) {
        return Grouping.byKey(jdbc.sql("SELECT id, name, label, canonical_key, system_template_id FROM systems "
                        + "WHERE company_id = :company AND id IN (:ids)")
                .param("company", companyId)
                .param("ids", systemIds)
                .query((rs, n) -> new Keyed<>(rs.getLong("id"), new PoolConnectorView.SystemSummary(rs.getLong("id"),
                        rs.getString("name"), rs.getString("label"), rs.getString("canonical_key"),
                        rs.getString("system_template_id"))))
                .list());
    }
}
