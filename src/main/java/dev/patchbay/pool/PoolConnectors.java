package dev.patchbay.pool;

import dev.patchbay.query.KeyedQuery;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/** Batch loaders behind the pools' includes: the connectors of many pools, then the systems of many connectors. */
@Component
class PoolConnectors {

    final KeyedQuery connectorsByPool;
    final KeyedQuery systemsById;

    PoolConnectors(JdbcOperations jdbc) {
        connectorsByPool = KeyedQuery.of(jdbc, "SELECT c.connection_pool_id AS k, c.id, c.name, c.type, "
                + "c.authentication_implementation_id, c.connection_pool_id, ai.system_id, c.created_at, c.updated_at "
                + "FROM connectors c JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id "
                + "WHERE c.company_id = :company AND c.connection_pool_id = ANY(:ids) ORDER BY c.id",
                rs -> new PoolConnectorView(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
                        rs.getLong("authentication_implementation_id"), rs.getLong("connection_pool_id"), rs.getLong("system_id"),
                        PoolReads.timestamp(rs, "created_at"), PoolReads.timestamp(rs, "updated_at")));
        systemsById = KeyedQuery.of(jdbc, "SELECT id AS k, id, name, label, canonical_key, system_template_id FROM systems "
                + "WHERE company_id = :company AND id = ANY(:ids)",
                rs -> new PoolConnectorView.SystemSummary(rs.getLong("id"), rs.getString("name"), rs.getString("label"),
                        rs.getString("canonical_key"), rs.getString("system_template_id")));
    }
}
