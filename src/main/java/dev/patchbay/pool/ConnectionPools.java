package dev.patchbay.pool;

import dev.patchbay.query.Node;
import dev.patchbay.query.Page;
import dev.patchbay.query.QueryParser;
import dev.patchbay.web.JsonBody;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What other features need to know about a company's connection pools (their API is {@code PoolController}),
 * and the dashboard's way to the API's reads and writes: the same query language, bodies and rules.
 */
@Component
public class ConnectionPools {

    private final JdbcClient jdbc;
    private final PoolReads reads;
    private final PoolService service;
    private final PoolRepository pools;
    private final JsonBody bodies;

    ConnectionPools(JdbcClient jdbc, PoolReads reads, PoolService service, PoolRepository pools, JsonBody bodies) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.service = service;
        this.pools = pools;
        this.bodies = bodies;
    }

    /** {@code GET /connection-pools} with these query parameters. */
    public Page list(long companyId, Map<String, String[]> query) {
        return reads.list(companyId, QueryParser.parse(query, PoolResource.QUERY));
    }

    /** {@code GET /connection-pools/{id}?include=...}. */
    public Node get(long companyId, long id, List<String> includes) {
        return reads.get(companyId, id,
                QueryParser.parseIncludes(Map.of("include", new String[] {String.join(",", includes)}), PoolResource.QUERY));
    }

    /** {@code POST /connection-pools} with this body. */
    public long create(long companyId, JsonNode body) {
        return service.create(companyId, bodies.read(body, PoolRequest.class));
    }

    /** {@code PUT /connection-pools/{id}} with this body. */
    public void update(long companyId, long id, JsonNode body) {
        service.update(companyId, id, bodies.read(body, PoolRequest.class));
    }

    /** {@code DELETE /connection-pools/{id}}: refused while connectors use the pool. */
    public void delete(long companyId, long id) {
        service.delete(companyId, id);
    }

    public boolean exists(long companyId, long id) {
        return jdbc.sql("SELECT count(*) FROM connection_pools WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    /** A pool from settings already known to be valid (no body to check), written by the same statement as the API's. */
    public long create(long companyId, String name, int limit, Integer timeoutSeconds) {
        return pools.insert(companyId, new PoolSettings(name, limit, timeoutSeconds));
    }
}
