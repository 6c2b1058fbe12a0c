package dev.patchbay.pool;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What other features need to know about a company's connection pools (their API is {@code PoolController}). */
@Component
public class ConnectionPools {

    private final JdbcClient jdbc;

    ConnectionPools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long companyId, long id) {
        return jdbc.sql("SELECT count(*) FROM connection_pools WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    public long create(long companyId, String name, int limit, Integer timeoutSeconds) {
        return jdbc.sql("INSERT INTO connection_pools (company_id, name, \"limit\", timeout) VALUES (:company, :name, :limit, :timeout) RETURNING id")
                .param("company", companyId)
                .param("name", name)
                .param("limit", limit)
                .param("timeout", timeoutSeconds)
                .query(Long.class)
                .single();
    }
}
