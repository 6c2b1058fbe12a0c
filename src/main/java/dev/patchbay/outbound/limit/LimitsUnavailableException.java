package dev.patchbay.outbound.limit;

/**
 * The shared limits store (Redis, several nodes) did not answer in time: the request is not sent, since
 * nobody could say whether it may start, and the caller answers 503 with Retry-After. The message names
 * neither the store's address nor its credentials.
 */
public final class LimitsUnavailableException extends RuntimeException {

    public LimitsUnavailableException(Throwable cause) {
        super("The shared limits store (Redis) did not answer in time", cause);
    }
}
