package dev.patchbay.outbound.render;

import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import java.util.List;

/**
 * What to send before the system's base URL and the authentication are applied: a path relative to
 * the base URL (or an absolute URL, for a token request), parameters and a body, already rendered.
 */
public record RequestSpec(String method, Rendered target, boolean absolute, List<Param> query, List<Param> headers,
        OutgoingRequest.Body body) {

    public static RequestSpec relative(String method, Rendered path, List<Param> query, List<Param> headers,
            OutgoingRequest.Body body) {
        return new RequestSpec(method, path, false, query, headers, body);
    }
}
