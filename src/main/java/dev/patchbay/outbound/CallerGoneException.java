package dev.patchbay.outbound;

/**
 * The caller closed its connection while its request waited for a pool slot or its start: the
 * request left the queue and nothing was sent. Nobody reads the answer; it exists so that the wait
 * ends and the refusal is counted.
 */
public final class CallerGoneException extends RuntimeException {

    public CallerGoneException() {
        // No stack trace: an expected end of a wait, not a fault.
        super("The caller closed the connection while the request waited; nothing was sent.", null, false, false);
    }
}
