package dev.patchbay.outbound.async;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.OutboundRequests;
import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.limit.RateLimitedException;
import dev.patchbay.web.ApiTimestamps;
import dev.patchbay.web.NotFoundException;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Asynchronous requests ({@code Prefer: respond-async}): accepted after the same checks as a
 * synchronous request, kept until a worker runs them, and read back by id.
 */
@Service
public class AsyncRequests {

    /** Methods that may be sent twice without harm (RFC 9110 §9.2.2). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /** Why an interrupted request has no outcome (one that could be sent again was queued again instead). */
    private static final AsyncRequestView.Problem INTERRUPTED = new AsyncRequestView.Problem("interrupted",
            "The node running this request stopped before its outcome was recorded, so it may or may not have reached "
                    + "the system. It was not sent again: its method is not idempotent and it had no Idempotency-Key.");

    private final OutboundRequests requests;
    private final AsyncRequestStore store;
    private final AsyncCodec codec;
    private final AsyncWorker worker;
    private final int queueLimit;

    AsyncRequests(OutboundRequests requests, AsyncRequestStore store, AsyncCodec codec, AsyncWorker worker,
            PatchbayProperties properties) {
        this.queueLimit = properties.outbound().queueLimit();
        this.requests = requests;
        this.store = store;
        this.codec = codec;
        this.worker = worker;
    }

    /**
     * Checks the request as the synchronous route does (the same 404 or 422 when it is wrong, with
     * nothing stored) and queues it.
     *
     * @param idempotencyKey whether the caller sent an {@code Idempotency-Key}: the request may then be
     *     sent again, after a 429/503 or after its node died while running it
     */
    public AsyncRequestView submit(long companyId, long connectorId, JsonNode body, boolean idempotencyKey) {
        OutboundRequests.Checked checked = requests.check(companyId, connectorId, body);
        String method = checked.method();
        long id = store.nextId();
        AsyncRequestStore.Row row = store.insert(id, companyId, connectorId, method,
                idempotencyKey || IDEMPOTENT.contains(method), idempotencyKey, codec.sealPayload(companyId, id, body), queueLimit)
                .orElseThrow(() -> queueFull(checked.limit()));
        worker.wake();
        return view(companyId, row);
    }

    /**
     * The connector's asynchronous queue is at its bound (the same per-instance bound as the synchronous
     * queue): refused at once, with a retry time of the windows the queue ahead needs to drain.
     */
    private RateLimitedException queueFull(RateLimit limit) {
        long windows = (queueLimit + limit.starts() - 1) / limit.starts();
        return new RateLimitedException(RateLimitedException.Reason.QUEUE_FULL, queueLimit + 1,
                Instant.now().plus(limit.window().multipliedBy(windows)));
    }

    public AsyncRequestView find(long companyId, long id) {
        return store.find(companyId, id).map(row -> view(companyId, row)).orElseThrow(() -> NotFoundException.of("request", id));
    }

    private AsyncRequestView view(long companyId, AsyncRequestStore.Row row) {
        StoredResult result = row.resultEncrypted() == null ? null
                : codec.openResult(companyId, row.id(), row.resultEncrypted());
        AsyncRequestView.Problem error = result != null ? result.error()
                : row.status().equals("interrupted") ? INTERRUPTED : null;
        return new AsyncRequestView(row.id(), row.connectorId(), row.status(), result == null ? null : result.request(),
                result == null ? null : result.response(), result == null ? null : result.timing(), error,
                ApiTimestamps.format(row.createdAt()), ApiTimestamps.format(row.finishedAt()));
    }
}
