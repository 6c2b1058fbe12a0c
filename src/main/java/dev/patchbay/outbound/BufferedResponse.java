package dev.patchbay.outbound;

import java.util.List;
import java.util.Map;

/**
 * A system's answer read into memory up to a bound, in clear: used inside the engine (to read a
 * token, to check a status) and never shown before it passes through {@link Redaction}.
 */
public record BufferedResponse(int status, Map<String, List<String>> headers, String body, boolean truncated,
        long durationMs) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "BufferedResponse[status=" + status + "]";
    }
}
