package dev.patchbay.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Shared fixtures of the connector query tests: create bodies for the demo catalog's other systems,
 * and query strings as a client puts them on the wire ({@code [} and {@code ]} percent-encoded, as
 * {@link java.net.URI} refuses them raw).
 */
final class ConnectorQueryFixtures {

    static final String CONNECTORS = "/api/v1/connectors";

    private ConnectorQueryFixtures() {}

    /** A create body for the REST API's "No auth" implementation (one required variable: base_url). */
    static Map<String, Object> restNoAuthBody(Tenant tenant, String name) {
        return body(name, tenant.catalog().restNoAuthId(),
                List.of(Map.of("key", "base_url", "value", "https://api.example.test", "label", "Base URL")));
    }

    /** A create body for the sandbox's token implementation (one required secret variable: api_key). */
    static Map<String, Object> sandboxBody(Tenant tenant, String name) {
        return body(name, tenant.catalog().sandboxTokenAuthId(),
                List.of(Map.of("key", "api_key", "value", "sandbox-key-123", "label", "API key", "secret", true)));
    }

    private static Map<String, Object> body(String name, long authenticationImplementationId, List<Map<String, Object>> variables) {
        return Map.of(
                "name", name,
                "authentication_implementation_id", authenticationImplementationId,
                "timezone", "UTC",
                "date_format", "Y-m-d H:i:s",
                "rate_limit_unit", "second",
                "rate_limit_duration", 5,
                "variables", variables);
    }

    /** The body with extra fields (session_id, platform_app_key, certificate_id...). */
    static Map<String, Object> with(Map<String, Object> body, Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(body);
        merged.putAll(extra);
        return merged;
    }

    /** Creates the connector through the API and returns its id. */
    static long create(Api api, Tenant tenant, Map<String, Object> body) {
        Response response = api.post(CONNECTORS, tenant.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.at("/data/id").asLong();
    }

    /** A path with a query string written readably ({@code filter[system]=1}) and encoded for the wire. */
    static String url(String pathAndQuery) {
        return pathAndQuery.replace("[", "%5B").replace("]", "%5D").replace(" ", "%20");
    }

    /** The path and query of an absolute link from a response, to request it with {@link Api}. */
    static String pathOf(String absoluteLink) {
        URI uri = URI.create(absoluteLink);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static List<Long> ids(Response response) {
        return StreamSupport.stream(response.at("/data").spliterator(), false).map(c -> c.get("id").asLong()).toList();
    }

    static List<String> names(Response response) {
        return StreamSupport.stream(response.at("/data").spliterator(), false).map(c -> c.get("name").asString()).toList();
    }

    static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
