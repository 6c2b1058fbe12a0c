package dev.patchbay.outbound.render;

import dev.patchbay.outbound.Instance;
import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds the request a system receives: the system's base URL joined with the path, the
 * authentication implementation's own {@code headers}/{@code query}/{@code body} templates (sent
 * with every request), then the request's own parameters. Credentials are added afterwards by the
 * authentication.
 */
public final class RequestRenderer {

    private RequestRenderer() {}

    public static OutgoingRequest build(Instance instance, Templates templates, RequestSpec spec) {
        Rendered target = joined(templates.render(instance.baseUrlTemplate()), spec.target());
        requireHttpUrl(target.text());
        OutgoingRequest request = new OutgoingRequest(spec.method(), target.text(), target.sensitive()).rawQuery(spec.rawQuery());
        JsonNode settings = instance.settings();
        rendered(settings.get("headers"), templates).forEach(request::addHeader);
        rendered(settings.get("query"), templates).forEach(request::addQuery);
        spec.headers().forEach(request::addHeader);
        spec.query().forEach(request::addQuery);
        request.body(spec.body());
        List<Param> bodyParams = rendered(settings.get("body"), templates);
        if (!bodyParams.isEmpty()) {
            addBodyParams(request, bodyParams);
        }
        return request;
    }

    /** Renders a {@code {"name": "template"}} object; names may be templates too ({@code {{header_name}}}). */
    public static List<Param> rendered(JsonNode templatesByName, Templates templates) {
        List<Param> params = new ArrayList<>();
        if (templatesByName == null || !templatesByName.isObject()) {
            return params;
        }
        for (Map.Entry<String, JsonNode> entry : templatesByName.properties()) {
            Rendered name = templates.render(entry.getKey());
            Rendered value = templates.render(entry.getValue().isString() ? entry.getValue().asString() : entry.getValue().toString());
            params.add(new Param(name.text(), value.text(), name.sensitive() || value.sensitive()));
        }
        return params;
    }

    private static void addBodyParams(OutgoingRequest request, List<Param> params) {
        OutgoingRequest.Body body = request.body();
        if (body == null) {
            if (!List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method())) {
                request.body(new OutgoingRequest.FormBody(new ArrayList<>(params)));
            }
        } else if (body instanceof OutgoingRequest.FormBody form) {
            List<Param> merged = new ArrayList<>(form.params());
            merged.addAll(params);
            request.body(new OutgoingRequest.FormBody(merged));
        }
        // A JSON, XML or streamed body is the caller's document: it is sent as given.
    }

    private static Rendered joined(Rendered base, Rendered path) {
        String b = base.text();
        String p = path.text();
        if (p.isEmpty()) {
            return base;
        }
        String joined = b.endsWith("/") && p.startsWith("/") ? b + p.substring(1)
                : !b.endsWith("/") && !p.startsWith("/") && !p.startsWith("?") ? b + "/" + p : b + p;
        return new Rendered(joined, base.sensitive() || path.sensitive());
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new Templates.TemplateException("The system's URL `" + shown(url) + "` is not an absolute http(s) URL; "
                        + "check the connector's base URL.");
            }
        } catch (URISyntaxException e) {
            throw new Templates.TemplateException("The system's URL `" + shown(url) + "` is not a valid URL: "
                    + e.getReason() + ".");
        }
    }

    /** At most the start of a URL, which may carry a secret further on. */
    private static String shown(String url) {
        int query = url.indexOf('?');
        String head = query >= 0 ? url.substring(0, query) : url;
        return head.length() > 120 ? head.substring(0, 120) + "…" : head;
    }
}
