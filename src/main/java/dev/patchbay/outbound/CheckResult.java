package dev.patchbay.outbound;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of a credential check as the contract's test route shows it in {@code data}: what was
 * sent, what came back ({@code null} when nothing did), and how long it took.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckResult(boolean success, Exchange.RequestRecord request, Exchange.ResponseRecord response, long durationMs,
        @JsonIgnore String message) {

    static CheckResult of(boolean success, Exchange exchange, String message) {
        return exchange == null ? new CheckResult(success, null, null, 0, message)
                : new CheckResult(success, exchange.request(), exchange.response(), exchange.durationMs(), message);
    }
}
