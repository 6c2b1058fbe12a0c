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
import org.springframework.jdbc.core.simple.JdbcClient;
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
                List.of(Map.of("key", "api_key", "value", "sandbox-demo-key", "label", "API key", "secret", true)));
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

    /**
     * Inserts {@code count} connectors of one authentication implementation straight into the tables,
     * each with the variables a Shopify connector gets through the API (shop, a secret access_token
     * stored as ciphertext, api_version), named {@code prefix 001}, {@code prefix 002}...; returns their ids in order.
     */
    static List<Long> insertRows(JdbcClient jdbc, Tenant tenant, long authenticationImplementationId, String prefix, int count,
            Long certificateId) {
        List<Long> ids = jdbc.sql("INSERT INTO connectors (company_id, name, authentication_implementation_id, timezone, "
                        + "date_format, rate_limit_duration, rate_limit_unit, certificate_id) "
                        + "SELECT :company, :prefix || ' ' || lpad(n::text, 3, '0'), :auth, 'Europe/London', 'Y-m-d H:i:s', 40, "
                        + "'minute', :certificate FROM generate_series(1, :count) AS n ORDER BY n RETURNING id")
                .param("company", tenant.id())
                .param("prefix", prefix)
                .param("auth", authenticationImplementationId)
                .param("certificate", certificateId, java.sql.Types.BIGINT)
                .param("count", count)
                .query(Long.class)
                .list();
        jdbc.sql("INSERT INTO variables (company_id, connector_id, key, value, label, secret, locked, configurable, required, "
                        + "position) SELECT :company, c.id, v.key, v.value, v.label, v.secret, v.locked, NOT v.locked, v.required, "
                        + "v.position FROM connectors c CROSS JOIN (VALUES "
                        + "('shop', 'acme', 'Shop', false, false, true, 0), "
                        + "('access_token', 'v1:test:c2VjcmV0', 'Token', true, false, true, 1), "
                        + "('api_version', '2024-10', 'API version', false, true, false, 2)) "
                        + "AS v(key, value, label, secret, locked, required, position) WHERE c.id IN (:ids)")
                .param("company", tenant.id())
                .param("ids", ids)
                .update();
        return ids.stream().sorted().toList();
    }

    static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
