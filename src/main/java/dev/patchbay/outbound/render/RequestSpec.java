package dev.patchbay.outbound.render;

import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import java.util.List;

/**
 * What to send before the system's base URL and the authentication are applied: a path relative to
 * the base URL, parameters and a body, already rendered.
 */
public record RequestSpec(String method, Rendered target, String rawQuery, List<Param> query,
        List<Param> headers, OutgoingRequest.Body body) {

    public static RequestSpec relative(String method, Rendered path, List<Param> query, List<Param> headers,
            OutgoingRequest.Body body) {
        return new RequestSpec(method, path, null, query, headers, body);
    }

    /** A query string passed through as the caller wrote it (the proxy). */
    public RequestSpec withRawQuery(String raw) {
        return new RequestSpec(method, target, raw, query, headers, body);
    }
}
