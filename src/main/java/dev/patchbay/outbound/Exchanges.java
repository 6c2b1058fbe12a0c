package dev.patchbay.outbound;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a request and its answer into the {@link Exchange} people see: every secret masked. */
final class Exchanges {

    private Exchanges() {}

    static Exchange shown(OutgoingRequest request, BufferedResponse response, Redaction redaction) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param header : request.headers()) {
            headers.merge(header.name(), redaction.header(header.name(), header.value(), header.sensitive()),
                    (a, b) -> a + ", " + b);
        }
        var sent = new Exchange.RequestRecord(request.method(), request.redactedUri(redaction), headers,
                body(request.body(), redaction));
        if (response == null) {
            return new Exchange(sent, null, 0);
        }
        Map<String, String> answered = new LinkedHashMap<>();
        response.headers().forEach((name, values) ->
                answered.put(name, redaction.header(name, String.join(", ", values), false)));
        return new Exchange(sent, new Exchange.ResponseRecord(response.status(), answered, redaction.apply(response.body()),
                response.truncated()), response.durationMs());
    }

    private static String body(OutgoingRequest.Body body, Redaction redaction) {
        if (body == null) {
            return null;
        }
        if (body instanceof OutgoingRequest.FormBody form) {
            return form.params().stream()
                    .map(p -> OutgoingRequest.encode(p.name()) + "="
                            + (p.sensitive() ? Redaction.MASK : redaction.apply(OutgoingRequest.encode(p.value()))))
                    .collect(Collectors.joining("&"));
        }
        if (body instanceof OutgoingRequest.BytesBody bytes) {
            return redaction.apply(new String(bytes.bytes(), StandardCharsets.UTF_8));
        }
        OutgoingRequest.StreamBody stream = (OutgoingRequest.StreamBody) body;
        return stream.length() >= 0 ? "(" + stream.length() + " bytes, streamed)" : "(streamed)";
    }
}
