package dev.patchbay.pool;

import dev.patchbay.web.InUseException.User;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of every write to connection pools (the API's and {@link ConnectionPools#create}), with the
 * in-use check of a delete; every statement is scoped by company.
 */
@Repository
class PoolRepository {

    private final JdbcClient jdbc;

    PoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long companyId, PoolSettings pool) {
        return jdbc.sql("INSERT INTO connection_pools (company_id, name, \"limit\", timeout) "
                        + "VALUES (:company, :name, :limit, :timeout) RETURNING id")
                .param("company", companyId)
                .param("name", pool.name())
                .param("limit", pool.limit())
                .param("timeout", pool.timeout())
                .query(Long.class)
                .single();
    }

    /**
     * Reads and locks the row (FOR UPDATE). A connector write that points at the pool takes a key-share
     * lock on it through the foreign key check, which waits for this lock: a connector assigned before
     * the delete locked the pool is seen by its in-use check, and one assigned after fails on the
     * foreign key once the pool is gone.
     */
    Optional<PoolSettings> findForUpdate(long companyId, long id) {
        return jdbc.sql("SELECT name, \"limit\", timeout FROM connection_pools WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", id)
                .query(PoolSettings.class)
                .optional();
    }

    void update(long companyId, long id, PoolSettings pool) {
        jdbc.sql("UPDATE connection_pools SET name = :name, \"limit\" = :limit, timeout = :timeout, updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .param("name", pool.name())
                .param("limit", pool.limit())
                .param("timeout", pool.timeout())
                .update();
    }

    List<User> connectorsUsing(long companyId, long id) {
        return jdbc.sql("SELECT id, name FROM connectors WHERE company_id = :company AND connection_pool_id = :id ORDER BY id")
                .param("company", companyId)
                .param("id", id)
                .query(User.class)
                .list();
    }

    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM connection_pools WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .update();
    }
}
