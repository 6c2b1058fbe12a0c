package dev.patchbay.outbound.guard;

import java.io.IOException;

/**
 * A call refused before anything was sent, because its target is not one Patchbay may call. The
 * message is meant for a person: it names the host and the address (never a path, query or
 * credential) and the setting that would allow it.
 *
 * <p>An {@link IOException}, because it is raised where the HTTP client connects, among the other
 * reasons a connection does not happen.
 */
public class TargetRefusedException extends IOException {

    public TargetRefusedException(String message) {
        super(message);
    }

    /** No stack trace: this is an expected answer, not a fault, and it may be raised on every call. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
