package dev.patchbay.outbound;

import dev.patchbay.outbound.limit.RateLimit;
import dev.patchbay.outbound.render.RequestSpec;
import dev.patchbay.outbound.render.Templates;
import dev.patchbay.variable.VariableData;
import dev.patchbay.web.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /connectors/{id}/requests}: a request through a connector the way a flow engine makes
 * one, either an endpoint of the connector's system with its variables and filters, or a method and
 * a path relative to the system's base URL. The caller's own values are sent as given: they are
 * never read as templates, so a caller cannot pull a stored secret into a place of its choosing.
 */
@Service
public class OutboundRequests {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final OutboundGateway gateway;
    private final EndpointReader endpoints;
    private final DateValues dates;

    OutboundRequests(OutboundGateway gateway, EndpointReader endpoints, DateValues dates) {
        this.gateway = gateway;
        this.endpoints = endpoints;
        this.dates = dates;
    }

    /**
     * @param waitSeconds the caller's {@code Prefer: wait=<seconds>}, or null for the default
     * @param idempotencyKey whether the caller sent an {@code Idempotency-Key}, so a non-idempotent
     *     method may be sent again after the system asked to wait
     */
    public CallResult send(long companyId, long connectorId, JsonNode body, Integer waitSeconds, boolean idempotencyKey) {
        requireObject(body);
        Instance instance = gateway.instance(companyId, connectorId);
        var spec = prepare(companyId, instance, body);
        OutboundGateway.Delivered delivered = gateway.deliver(instance.withValues(spec.extraValues()),
                gateway.waitBound(waitSeconds), idempotencyKey, spec.spec());
        return CallResult.of(delivered.exchange(), delivered.queuedMs());
    }

    /**
     * Checks a request exactly as {@link #send} does, without sending it, for a request that is kept
     * and sent later ({@code Prefer: respond-async}).
     *
     * @return the HTTP method it will use (an endpoint's own method for an endpoint call)
     */
    public Checked check(long companyId, long connectorId, JsonNode body) {
        requireObject(body);
        Instance instance = gateway.instance(companyId, connectorId);
        return new Checked(prepare(companyId, instance, body).method(),
                RateLimit.of(instance.rateLimitAmount(), instance.rateLimitUnit()));
    }

    /** A request that passed the checks: its method, and the rate limit it will be sent under. */
    public record Checked(String method, RateLimit limit) {}

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            new FieldErrors().add("body", "The request body must be a JSON object.").throwIfAny();
        }
    }

    private Prepared prepare(long companyId, Instance instance, JsonNode body) {
        return body.has("endpoint_id") ? endpointCall(companyId, instance, body) : rawCall(body);
    }

    private record Prepared(String method, java.util.function.Function<Templates, RequestSpec> spec,
            Map<String, String> extraValues) {}

    private Prepared endpointCall(long companyId, Instance instance, JsonNode body) {
        FieldErrors errors = new FieldErrors();
        JsonNode id = body.get("endpoint_id");
        if (!id.canConvertToLong() || !id.isIntegralNumber() && !(id.isString() && id.asString().matches("\\d{1,18}"))) {
            errors.addAbout("endpoint_id", "field must be an integer.").throwIfAny();
        }
        long endpointId = id.isString() ? Long.parseLong(id.asString()) : id.asLong();
        EndpointReader.Endpoint endpoint = endpoints.find(companyId, instance.authenticationImplementationId(), endpointId)
                .orElse(null);
        if (endpoint == null) {
            errors.addAbout("endpoint_id", "is not an endpoint this connector can call.").throwIfAny();
        }
        Map<String, String> values = new HashMap<>();
        for (VariableData variable : endpoint.variables()) {
            values.put(variable.key(), variable.value());
        }
        values.putAll(strings(body.get("variables"), "variables", errors));
        Map<String, String> filterValues = strings(body.get("filters"), "filters", errors);
        List<Param> query = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (EndpointReader.Filter filter : endpoint.filters()) {
            known.add(filter.name());
            String value = filterValues.get(filter.name());
            if (value != null) {
                try {
                    query.add(Param.plain(filter.parameter(), filter.type().equals("date")
                            ? dates.filterValue(value, instance.zone(), instance.dateFormat()) : value));
                } catch (IllegalArgumentException e) {
                    errors.add("filters." + filter.name(), e.getMessage());
                }
            }
        }
        filterValues.keySet().stream().filter(name -> !known.contains(name)).forEach(name ->
                errors.add("filters." + name, "The endpoint " + endpoint.name() + " has no filter named `" + name + "`."));
        errors.throwIfAny();
        String method = endpoint.httpMethod().toUpperCase(Locale.ROOT);
        return new Prepared(method, templates -> RequestSpec.relative(method, templates.render(endpoint.path()), query, List.of(),
                null), values);
    }

    private static Prepared rawCall(JsonNode body) {
        FieldErrors errors = new FieldErrors();
        String method = text(body, "method", errors);
        String path = text(body, "path", errors);
        if (method == null) {
            errors.addAbout("method", "field is required.");
        } else if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            errors.addAbout("method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList()) + ".");
        }
        if (path == null) {
            errors.addAbout("path", "field is required.");
        } else if (path.contains("://") || path.startsWith("//")) {
            errors.addAbout("path", "must be a path relative to the system's base URL, such as /orders.");
        }
        Map<String, String> query = strings(body.get("query"), "query", errors);
        Map<String, String> headers = strings(body.get("headers"), "headers", errors);
        errors.throwIfAny();
        OutgoingRequest.Body requestBody = null;
        JsonNode content = body.get("body");
        if (content != null && !content.isNull()) {
            String type = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                    .map(Map.Entry::getValue).findFirst().orElse(content.isString() ? "text/plain" : "application/json");
            byte[] bytes = (content.isString() ? content.asString() : content.toString()).getBytes(StandardCharsets.UTF_8);
            requestBody = new OutgoingRequest.BytesBody(bytes, type, false);
        }
        OutgoingRequest.Body sent = requestBody;
        List<Param> queryParams = query.entrySet().stream().map(e -> Param.plain(e.getKey(), e.getValue())).toList();
        List<Param> headerParams = headers.entrySet().stream().map(e -> Param.plain(e.getKey(), e.getValue())).toList();
        String verb = method.toUpperCase(Locale.ROOT);
        return new Prepared(verb, templates -> RequestSpec.relative(verb, new dev.patchbay.outbound.render.Rendered(path, false),
                queryParams, headerParams, sent), Map.of());
    }

    private static String text(JsonNode body, String field, FieldErrors errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.addAbout(field, "field must be a string.");
            return null;
        }
        return value.asString();
    }

    /** An object of scalar values, as strings; anything else is a field error. */
    private static Map<String, String> strings(JsonNode node, String field, FieldErrors errors) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            errors.addAbout(field, "field must be an object of names to values.");
            return out;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isContainer()) {
                errors.add(field + "." + entry.getKey(), "The value must be a string, number or boolean.");
            } else if (!value.isNull()) {
                out.put(entry.getKey(), value.isString() ? value.asString() : value.toString());
            }
        }
        return out;
    }
}
