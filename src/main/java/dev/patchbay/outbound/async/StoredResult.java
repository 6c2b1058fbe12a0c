package dev.patchbay.outbound.async;

import dev.patchbay.outbound.CallResult;
import dev.patchbay.outbound.Exchange;

/** The outcome of a run as it is kept (encrypted): what the API shows of a finished request. */
record StoredResult(Exchange.RequestRecord request, Exchange.ResponseRecord response, CallResult.Timing timing,
        AsyncRequestView.Problem error) {

    static StoredResult of(CallResult result) {
        return new StoredResult(result.request(), result.response(), result.timing(), null);
    }

    static StoredResult failure(Exchange exchange, String code, String message) {
        return new StoredResult(exchange == null ? null : exchange.request(), exchange == null ? null : exchange.response(),
                null, new AsyncRequestView.Problem(code, message));
    }
}
