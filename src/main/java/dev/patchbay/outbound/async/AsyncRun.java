package dev.patchbay.outbound.async;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.CallResult;
import dev.patchbay.outbound.OutboundFailure;
import dev.patchbay.outbound.OutboundRequests;
import dev.patchbay.outbound.limit.PoolTimeoutException;
import dev.patchbay.outbound.limit.RateLimitedException;
import dev.patchbay.web.NotFoundException;
import dev.patchbay.web.ValidationFailedException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed request through the requests route's own path ({@link OutboundRequests#send}),
 * so it is rendered, authenticated, guarded and limited exactly like a synchronous one.
 */
@Component
class AsyncRun {

    /** What became of a run. */
    sealed interface Outcome {
        /** Finished: {@code succeeded} or {@code failed}, with what to show. */
        record Done(String status, StoredResult result) implements Outcome {}

        /** Not sent: the connector's limits would start it only later; back to the queue until {@code at}. */
        record Later(Instant at) implements Outcome {}
    }

    private final OutboundRequests requests;
    private final AsyncCodec codec;
    private final Clock clock;
    private final int waitSeconds;

    AsyncRun(OutboundRequests requests, AsyncCodec codec, Clock clock, PatchbayProperties properties) {
        this.requests = requests;
        this.codec = codec;
        this.clock = clock;
        this.waitSeconds = (int) Math.max(0, properties.outbound().async().maxWait().toSeconds());
    }

    Outcome run(AsyncRequestStore.Claimed claimed) {
        try {
            CallResult result = requests.send(claimed.companyId(), claimed.connectorId(),
                    codec.openPayload(claimed.companyId(), claimed.id(), claimed.payloadEncrypted()), waitSeconds, claimed.idempotencyKey());
            String status = result.response().status() < 400 ? "succeeded" : "failed";
            return new Outcome.Done(status, StoredResult.of(result));
        } catch (RateLimitedException e) {
            Instant soonest = clock.instant().plusSeconds(1);
            return new Outcome.Later(e.earliestStart() == null || e.earliestStart().isBefore(soonest) ? soonest
                    : e.earliestStart());
        } catch (PoolTimeoutException e) {
            return new Outcome.Later(clock.instant().plusSeconds(1));
        } catch (OutboundFailure e) {
            return failed(StoredResult.failure(e.exchange(), e.kind().code(), e.getMessage()));
        } catch (ValidationFailedException e) {
            // The connector or its endpoint changed since the request was accepted.
            return failed(StoredResult.failure(null, "invalid_request", e.errors().toBody().message()));
        } catch (NotFoundException e) {
            return failed(StoredResult.failure(null, "connector_not_found", "The connector no longer exists."));
        }
    }

    private static Outcome failed(StoredResult result) {
        return new Outcome.Done("failed", result);
    }
}
