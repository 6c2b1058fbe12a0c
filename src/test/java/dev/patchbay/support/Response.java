package dev.patchbay.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** An HTTP response as a client sees it: status, headers, the raw body and the body parsed as JSON (or null). */
public record Response(int status, HttpHeaders headers, String body, JsonNode json) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The node at a JSON pointer such as {@code /data/0/name}. */
    public JsonNode at(String pointer) {
        return json.at(pointer);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
