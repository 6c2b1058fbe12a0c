package dev.patchbay.outbound.async;

import dev.patchbay.outbound.CallResult;
import dev.patchbay.outbound.Exchange;

/**
 * An asynchronous request as {@code GET /api/v1/requests/{id}} shows it. {@code request},
 * {@code response} and {@code timing} are the requests route's record once the request has run
 * ({@code response} null when the system did not answer); {@code error} says why a request failed
 * without an answer or was interrupted.
 *
 * @param status {@code queued}, {@code running}, {@code succeeded} (the system answered below 400),
 *     {@code failed} (it answered 400 or above, or did not answer) or {@code interrupted}
 */
public record AsyncRequestView(long id, long connectorId, String status, Exchange.RequestRecord request,
        Exchange.ResponseRecord response, CallResult.Timing timing, Problem error, String createdAt, String finishedAt) {

    /** Why there is no answer: {@code code} as in the requests route's {@code Patchbay-Error} header. */
    public record Problem(String code, String message) {}
}
