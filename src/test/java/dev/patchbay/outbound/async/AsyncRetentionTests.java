package dev.patchbay.outbound.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.TestData.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code patchbay.outbound.result-retention} (7 days by default): the periodic cleanup deletes
 * requests that finished longer ago than that, and nothing that is younger or not finished.
 */
class AsyncRetentionTests extends ApiTest {

    @Autowired
    private AsyncWorker worker;

    private long row(Tenant tenant, String status, String createdAgo, String finishedAgo) {
        return data.jdbc().sql("""
                INSERT INTO async_requests (company_id, connector_id, method, resendable, idempotency_key, status,
                                            created_at, finished_at)
                VALUES (:c, -1, 'GET', true, false, :status, now() - CAST(:created AS interval),
                        now() - CAST(:finished AS interval)) RETURNING id""")
                .param("c", tenant.id()).param("status", status).param("created", createdAgo).param("finished", finishedAgo)
                .query(Long.class).single();
    }

    @Test
    void shouldDeleteResultsFinishedLongerAgoThanTheRetentionOnly() {
        Tenant tenant = data.company();
        long old = row(tenant, "succeeded", "9 days", "8 days");
        long oldFailure = row(tenant, "failed", "30 days", "7 days 1 minute");
        long recent = row(tenant, "succeeded", "6 days", "6 days 23 hours");
        long queuedLongAgo = data.jdbc().sql("""
                INSERT INTO async_requests (company_id, connector_id, method, resendable, idempotency_key, status,
                                            created_at, not_before)
                VALUES (:c, -1, 'GET', true, false, 'queued', now() - interval '30 days', now() + interval '1 day')
                RETURNING id""").param("c", tenant.id()).query(Long.class).single();

        int deleted = worker.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/requests/" + old, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/requests/" + oldFailure, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/requests/" + recent, tenant.apiKey()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/requests/" + queuedLongAgo, tenant.apiKey()).at("/data/status").asString())
                .isEqualTo("queued");
    }
}
