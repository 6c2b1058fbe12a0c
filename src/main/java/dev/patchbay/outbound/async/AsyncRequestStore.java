package dev.patchbay.outbound.async;

import dev.patchbay.secret.RowIds;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code async_requests} table. Every statement stands alone (no transaction spans two), so no
 * connection is held while a request waits for its limits or for the system. Times are the database's
 * ({@code now()}), the one clock every node shares, so that leases compare across nodes.
 */
@Repository
class AsyncRequestStore {

    /** A row as the API shows it; the result is still encrypted. */
    record Row(long id, long connectorId, String status, String resultEncrypted, OffsetDateTime createdAt,
            OffsetDateTime finishedAt) {}

    /** A request a node has claimed: what it needs to run it. */
    record Claimed(long id, long companyId, long connectorId, String payloadEncrypted, boolean idempotencyKey) {}

    private static final String COLUMNS = "id, connector_id, status, result_encrypted, created_at, finished_at";

    private final JdbcClient jdbc;

    AsyncRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of a request to insert: its payload is encrypted bound to that id before the insert. */
    long nextId() {
        return RowIds.next(jdbc, "async_requests");
    }

    /**
     * Queues a request unless its connector already has {@code bound} queued (empty then). The count and
     * the insert are one statement; concurrent submits can pass the bound by at most their number.
     */
    Optional<Row> insert(long id, long companyId, long connectorId, String method, boolean resendable, boolean idempotencyKey,
            String payloadEncrypted, int bound) {
        return jdbc.sql("INSERT INTO async_requests (id, company_id, connector_id, method, resendable, idempotency_key, "
                        + "payload_encrypted) SELECT :id, :company, :connector, :method, :resendable, :key, :payload "
                        + "WHERE (SELECT count(*) FROM async_requests WHERE connector_id = :connector AND status = 'queued') < :bound "
                        + "RETURNING " + COLUMNS)
                .param("id", id).param("company", companyId).param("connector", connectorId).param("method", method)
                .param("resendable", resendable).param("key", idempotencyKey).param("payload", payloadEncrypted)
                .param("bound", bound)
                .query(Row.class).optional();
    }

    Optional<Row> find(long companyId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM async_requests WHERE id = :id AND company_id = :company")
                .param("id", id).param("company", companyId).query(Row.class).optional();
    }

    /**
     * Claims the oldest queued request that is due and first in its connector's queue, skipping rows
     * another node is claiming at this moment and connectors this node runs enough of already.
     */
    Optional<Claimed> claim(String node, Duration lease, Collection<Long> fullConnectors) {
        String skipFull = fullConnectors.isEmpty() ? "" : " AND r.connector_id NOT IN (:full)";
        var statement = jdbc.sql("""
                UPDATE async_requests SET status = 'running', claimed_by = :node, started_at = now(),
                       lease_until = now() + make_interval(secs => :lease)
                WHERE id = (
                    SELECT r.id FROM async_requests r
                    WHERE r.status = 'queued' AND r.not_before <= now() /*skip full connectors*/
                      AND NOT EXISTS (SELECT 1 FROM async_requests earlier WHERE earlier.status = 'queued'
                                      AND earlier.connector_id = r.connector_id AND earlier.id < r.id)
                    ORDER BY r.id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, company_id, connector_id, payload_encrypted, idempotency_key""".replace(
                        "/*skip full connectors*/", skipFull))
                .param("node", node).param("lease", seconds(lease));
        if (!fullConnectors.isEmpty()) {
            statement = statement.param("full", List.copyOf(fullConnectors));
        }
        return statement.query(Claimed.class).optional();
    }

    /** The heartbeat: extends the leases of the requests this node is still running. */
    int renew(String node, Duration lease, Collection<Long> ids) {
        return jdbc.sql("UPDATE async_requests SET lease_until = now() + make_interval(secs => :lease) "
                        + "WHERE claimed_by = :node AND status = 'running' AND id IN (:ids)")
                .param("node", node).param("lease", seconds(lease)).param("ids", List.copyOf(ids)).update();
    }

    /** Records the outcome, unless the request is no longer this node's (its lease ran out meanwhile). */
    boolean finish(long id, String node, String status, String resultEncrypted) {
        return jdbc.sql("""
                UPDATE async_requests SET status = :status, result_encrypted = :result, payload_encrypted = NULL,
                       lease_until = NULL, finished_at = now()
                WHERE id = :id AND claimed_by = :node AND status = 'running'""")
                .param("status", status).param("result", resultEncrypted).param("id", id).param("node", node)
                .update() == 1;
    }

    /** Puts a request that was not sent back in its place in the queue, due at {@code notBefore}. */
    boolean requeue(long id, String node, Instant notBefore) {
        return jdbc.sql("""
                UPDATE async_requests SET status = 'queued', claimed_by = NULL, lease_until = NULL, started_at = NULL,
                       not_before = :notBefore
                WHERE id = :id AND claimed_by = :node AND status = 'running'""")
                .param("notBefore", Timestamp.from(notBefore)).param("id", id).param("node", node).update() == 1;
    }

    /**
     * Settles the requests whose node died (lease run out): those that may be sent twice go back to the
     * queue, in their old place; the others are {@code interrupted} for good.
     *
     * @return how many were settled, each way
     */
    Recovered recoverExpired() {
        List<Boolean> resent = jdbc.sql("""
                UPDATE async_requests SET
                       status = CASE WHEN resendable THEN 'queued' ELSE 'interrupted' END,
                       claimed_by = NULL, lease_until = NULL,
                       started_at = CASE WHEN resendable THEN NULL ELSE started_at END,
                       finished_at = CASE WHEN resendable THEN NULL ELSE now() END,
                       payload_encrypted = CASE WHEN resendable THEN payload_encrypted END
                WHERE status = 'running' AND lease_until < now()
                RETURNING resendable""").query(Boolean.class).list();
        long requeued = resent.stream().filter(Boolean::booleanValue).count();
        return new Recovered((int) requeued, resent.size() - (int) requeued);
    }

    record Recovered(int requeued, int interrupted) {}

    /** Deletes up to {@code batch} requests finished before the retention; answers how many. */
    int deleteFinishedBefore(Duration retention, int batch) {
        return jdbc.sql("""
                DELETE FROM async_requests WHERE id IN (
                    SELECT id FROM async_requests WHERE finished_at < now() - make_interval(secs => :retention)
                    LIMIT :batch)""")
                .param("retention", seconds(retention)).param("batch", batch).update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
