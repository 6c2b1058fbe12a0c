package dev.patchbay.outbound;

/** The requests route's answer: what was sent, what came back, and where the time went. */
public record CallResult(Exchange.RequestRecord request, Exchange.ResponseRecord response, Timing timing) {

    public record Timing(long queuedMs, long upstreamMs) {}

    static CallResult of(Exchange exchange, long queuedMs) {
        return new CallResult(exchange.request(), exchange.response(), new Timing(queuedMs, exchange.durationMs()));
    }
}
