package dev.patchbay.outbound;

/**
 * A request that did not get an answer from the system, or whose credentials the system refused
 * while Patchbay obtained a token. The message is for people ("Could not connect to
 * acme.example.com:443: connection refused") and carries no secret; {@code exchange} shows what was
 * sent and, where something came back, the answer.
 */
public class OutboundFailure extends RuntimeException {

    public enum Kind {
        /** The request could not be built: a template names nothing, the base URL is not a URL. */
        INVALID_REQUEST("invalid_request"),
        /** The SSRF guard refused the target. */
        TARGET_REFUSED("target_refused"),
        /** A token or session request was refused: the credentials are wrong. */
        CREDENTIALS_REFUSED("credentials_refused"),
        UNREACHABLE("upstream_unreachable"),
        TIMEOUT("upstream_timeout"),
        TLS("upstream_unreachable");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The {@code Patchbay-Error} header's value. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final transient Exchange exchange;

    public OutboundFailure(Kind kind, String message, Exchange exchange) {
        super(message, null, false, false);
        this.kind = kind;
        this.exchange = exchange;
    }

    public Kind kind() {
        return kind;
    }

    public Exchange exchange() {
        return exchange;
    }

    public OutboundFailure withExchange(Exchange newExchange) {
        return new OutboundFailure(kind, getMessage(), newExchange);
    }

    public OutboundFailure withMessage(String newMessage) {
        return new OutboundFailure(kind, newMessage, exchange);
    }
}
