package dev.patchbay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a log line may say about a failed request: the exception classes of the cause chain, where the
 * first was thrown (stack frames hold code locations, never data), the request id and the route template
 * ({@code /api/v1/connectors/{connector}}, not the path with its values). Exception messages are left
 * out: they can carry SQL parameters, request values or decrypted secrets.
 */
final class SafeSummary {

    private static final int FRAMES = 8;

    private SafeSummary() {}

    static String of(Throwable failure, HttpServletRequest request) {
        return causes(failure) + " on " + route(request) + " (request " + MDC.get("requestId") + ")" + frames(failure);
    }

    /** {@code GET /api/v1/connectors/{connector}}: the matched route, or only the method when none matched. */
    static String route(HttpServletRequest request) {
        if (request == null) {
            return "an unknown route";
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern == null ? "(no route matched)" : pattern);
    }

    private static String causes(Throwable failure) {
        List<String> names = new ArrayList<>();
        for (Throwable cause = failure; cause != null && names.size() < 10; cause = cause.getCause()) {
            names.add(cause.getClass().getName());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join(" caused by ", names);
    }

    private static String frames(Throwable failure) {
        StringBuilder out = new StringBuilder();
        StackTraceElement[] trace = failure.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
            out.append(System.lineSeparator()).append("\tat ").append(trace[i]);
        }
        return out.toString();
    }
}
