package dev.patchbay.outbound;

import java.util.Map;

/**
 * What was sent to a system and what came back, as shown to people: secrets masked, the response
 * body cut at a bound. {@code response} is null when nothing came back.
 */
public record Exchange(RequestRecord request, ResponseRecord response, long durationMs) {

    public record RequestRecord(String method, String url, Map<String, String> headers, String body) {}

    public record ResponseRecord(int status, Map<String, String> headers, String body, boolean bodyTruncated) {}
}
