package dev.patchbay.outbound;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A request on its way to a system, built by the renderer and then by the authentication: mutable on
 * purpose, since each step adds to it (the generic templates, then the credentials, then an OAuth 1
 * signature over everything before it). Every value remembers whether a secret went into it.
 */
public final class OutgoingRequest {

    /** The body: none, form parameters (which OAuth 1 signs), fixed bytes, or a stream passed through. */
    public sealed interface Body permits FormBody, BytesBody, StreamBody {}

    public record FormBody(List<Param> params) implements Body {

        /** {@code application/x-www-form-urlencoded}, as sent. */
        public String encoded() {
            return params.stream().map(p -> encode(p.name()) + "=" + encode(p.value())).collect(Collectors.joining("&"));
        }
    }

    public record BytesBody(byte[] bytes, String contentType, boolean sensitive) implements Body {}

    /** A caller's body streamed to the system as it arrives (the proxy); {@code length} is -1 when unknown. */
    public record StreamBody(InputStream stream, long length, String contentType) implements Body {}

    private String method;
    private String url;
    private boolean urlSensitive;
    private String rawQuery;
    private final List<Param> query = new ArrayList<>();
    private final List<Param> headers = new ArrayList<>();
    private Body body;

    public OutgoingRequest(String method, String url, boolean urlSensitive) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.url = url;
        this.urlSensitive = urlSensitive;
    }

    public String method() {
        return method;
    }

    /** The URL without the query parameters added here (it may carry a query of its own). */
    public String url() {
        return url;
    }

    public boolean urlSensitive() {
        return urlSensitive;
    }

    public void redirectTo(String method, URI target) {
        this.method = method;
        this.url = target.toString();
        this.rawQuery = null;
        this.query.clear();
    }

    /** A query string passed through as the caller wrote it (the proxy), before the added parameters. */
    public OutgoingRequest rawQuery(String raw) {
        this.rawQuery = raw == null || raw.isEmpty() ? null : raw;
        return this;
    }

    public List<Param> query() {
        return query;
    }

    public List<Param> headers() {
        return headers;
    }

    public OutgoingRequest addQuery(Param param) {
        query.add(param);
        return this;
    }

    public OutgoingRequest addHeader(Param param) {
        headers.add(param);
        return this;
    }

    /** Replaces every header of that name (case-insensitive), as an authentication does with Authorization. */
    public OutgoingRequest setHeader(Param param) {
        removeHeader(param.name());
        headers.add(param);
        return this;
    }

    public void removeHeader(String name) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
    }

    public boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    public Body body() {
        return body;
    }

    public OutgoingRequest body(Body newBody) {
        this.body = newBody;
        return this;
    }

    /** The full URI as sent: the URL with its own query, the raw query, then the added parameters. */
    public URI uri() {
        return URI.create(withQuery(url, rawQuery, query.stream().map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"))));
    }

    /** The URI as shown to people: a parameter that carries a secret is masked. */
    public String redactedUri(Redaction redaction) {
        String base = urlSensitive ? redaction.apply(url) : url;
        String added = query.stream()
                .map(p -> encode(p.name()) + "=" + (p.sensitive() ? Redaction.MASK : encode(p.value())))
                .collect(Collectors.joining("&"));
        return redaction.apply(withQuery(base, rawQuery, added));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String withQuery(String url, String raw, String added) {
        StringBuilder out = new StringBuilder(url);
        for (String part : new String[] {raw, added}) {
            if (part != null && !part.isEmpty()) {
                out.append(out.indexOf("?") >= 0 ? '&' : '?').append(part);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return method + " " + url + " (credentials not shown)";
    }
}
