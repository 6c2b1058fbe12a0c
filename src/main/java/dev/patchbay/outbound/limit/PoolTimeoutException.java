package dev.patchbay.outbound.limit;

import java.time.Duration;

/** No pool slot within the pool's timeout: the caller answers 429 with {@code Patchbay-Error: pool_timeout}. */
public final class PoolTimeoutException extends RuntimeException {

    private final Duration timeout;

    public PoolTimeoutException(Duration timeout) {
        super("No connection pool slot became free within " + timeout);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** No stack trace: an expected answer under load, not a fault. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
