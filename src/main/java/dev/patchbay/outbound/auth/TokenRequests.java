package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.BufferedResponse;
import dev.patchbay.outbound.OutboundFailure;
import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import dev.patchbay.outbound.Statuses;
import dev.patchbay.outbound.render.RequestRenderer;
import dev.patchbay.outbound.render.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends an implementation's {@code token_request} ({@code method}, {@code url}, {@code headers},
 * {@code form}, {@code json}, {@code basic}, {@code token_path}, {@code expires_in_path}) and reads
 * the token from the answer. Shared by OAuth 2 client credentials, the authorisation code's token
 * exchanges and sessions.
 */
final class TokenRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenRequests() {}

    /** Builds the token request from its templates. */
    static OutgoingRequest build(JsonNode tokenRequest, AuthContext context) {
        Templates templates = context.templates();
        String method = SimpleAuthentications.text(tokenRequest, "method");
        var url = templates.render(SimpleAuthentications.text(tokenRequest, "url"));
        OutgoingRequest request = new OutgoingRequest(method.isEmpty() ? "POST" : method, url.text(), url.sensitive());
        RequestRenderer.rendered(tokenRequest.get("headers"), templates).forEach(request::addHeader);
        if (tokenRequest.hasNonNull("basic")) {
            request.setHeader(SimpleAuthentications.Basic.header(tokenRequest.get("basic"), context));
        }
        if (tokenRequest.hasNonNull("form")) {
            List<Param> form = new ArrayList<>(RequestRenderer.rendered(tokenRequest.get("form"), templates));
            form.removeIf(p -> p.value().isEmpty()); // an optional field left empty (a scope) is not sent at all
            request.body(new OutgoingRequest.FormBody(form));
        } else if (tokenRequest.hasNonNull("json")) {
            boolean[] sensitive = {false};
            JsonNode body = renderJson(tokenRequest.get("json"), templates, sensitive);
            request.body(new OutgoingRequest.BytesBody(JSON.writeValueAsBytes(body), "application/json", sensitive[0]));
        }
        if (!request.hasHeader("Accept")) {
            request.addHeader(Param.plain("Accept", "application/json"));
        }
        return request;
    }

    /** Sends a token request and reads the token; a refusal is a {@link OutboundFailure.Kind#CREDENTIALS_REFUSED}. */
    static Token fetch(OutgoingRequest request, JsonNode settings, AuthContext context, Clock clock) {
        BufferedResponse response = context.send(request);
        JsonNode body = parse(response.body());
        String tokenPath = orDefault(SimpleAuthentications.text(settings, "token_path"), "access_token");
        String expiresPath = orDefault(SimpleAuthentications.text(settings, "expires_in_path"), "expires_in");
        String access = at(body, tokenPath);
        String refresh = at(body, "refresh_token");
        context.redaction().add(access);
        context.redaction().add(refresh);
        if (!response.successful()) {
            throw new OutboundFailure(OutboundFailure.Kind.CREDENTIALS_REFUSED, "The token request to "
                    + host(request) + " answered " + Statuses.describe(response.status())
                    + "; check the credentials.", context.show(request, response));
        }
        if (access == null || access.isEmpty()) {
            throw new OutboundFailure(OutboundFailure.Kind.CREDENTIALS_REFUSED, "The token request to " + host(request)
                    + " answered " + response.status() + " but its body has no token at `" + tokenPath + "`.",
                    context.show(request, response));
        }
        String expiresIn = at(body, expiresPath);
        Instant expiresAt = null;
        if (expiresIn != null && expiresIn.matches("\\d{1,9}")) {
            expiresAt = clock.instant().plusSeconds(Long.parseLong(expiresIn));
        }
        return new Token(access, refresh, expiresAt);
    }

    private static String host(OutgoingRequest request) {
        return request.uri().getHost();
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** The value at a dotted path ({@code data.token}), or null. */
    static String at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = current.isArray() && part.matches("\\d+") ? current.get(Integer.parseInt(part)) : current.get(part);
        }
        if (current == null || current.isNull() || current.isContainer()) {
            return null;
        }
        return current.isString() ? current.asString() : current.toString();
    }

    private static JsonNode renderJson(JsonNode node, Templates templates, boolean[] sensitive) {
        if (node.isString()) {
            var rendered = templates.render(node.asString());
            sensitive[0] |= rendered.sensitive();
            return JSON.getNodeFactory().stringNode(rendered.text());
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                copy.set(entry.getKey(), renderJson(entry.getValue(), templates, sensitive));
            }
            return copy;
        }
        return node;
    }

}
