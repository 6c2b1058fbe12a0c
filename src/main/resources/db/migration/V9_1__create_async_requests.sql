-- Requests sent with Prefer: respond-async, kept until a node of the deployment runs them and then
-- for patchbay.outbound.result-retention. A node claims a queued row (FOR UPDATE SKIP LOCKED), holds it
-- by a lease it renews, and records the outcome; a row whose lease ran out belonged to a node that died.
-- The caller's request and the result may carry secrets the caller sent, so both are stored encrypted
-- like secret variables. connector_id has no foreign key: a result outlives its connector.
CREATE TABLE async_requests (
    id                 BIGSERIAL    PRIMARY KEY,
    company_id         BIGINT       NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    connector_id       BIGINT       NOT NULL,
    method             VARCHAR(10)  NOT NULL,
    -- an idempotent method or an Idempotency-Key: may be sent again after its node died mid-flight
    resendable         BOOLEAN      NOT NULL,
    idempotency_key    BOOLEAN      NOT NULL,
    -- the caller's body, encrypted; cleared once the request is finished
    payload_encrypted  TEXT,
    status             VARCHAR(12)  NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
    -- a run the rate limit would start only later goes back to the queue until then
    not_before         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_by         VARCHAR(100),
    lease_until        TIMESTAMPTZ,
    -- request, response, timing and error as the API shows them, encrypted
    result_encrypted   TEXT,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ
);

-- The queue in order, and each connector's queue in order (a connector's first queued request runs first).
CREATE INDEX async_requests_queued ON async_requests (id) WHERE status = 'queued';
CREATE INDEX async_requests_queued_by_connector ON async_requests (connector_id, id) WHERE status = 'queued';
-- Leases to check for nodes that died, and results to delete once retained long enough.
CREATE INDEX async_requests_leases ON async_requests (lease_until) WHERE status = 'running';
CREATE INDEX async_requests_finished ON async_requests (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX async_requests_company ON async_requests (company_id);
