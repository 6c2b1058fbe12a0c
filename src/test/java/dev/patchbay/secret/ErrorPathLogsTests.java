package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The logs of a run through every kind of error a client can cause or meet (bad input, each 4xx, a 5xx,
 * failed outbound calls with secrets in the credentials) carry none of the secrets involved: not the
 * values sent, not the stored ones, not the credentials that were refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPathLogsTests extends ApiTest {

    private static final String SECRET = "shpat_log-canary-7f3e9a";

    private final List<Response> responses = new ArrayList<>();

    private Map<String, Object> bodyWithSecret(Tenant tenant, String name) {
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, name));
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop"),
                Map.of("key", "access_token", "value", SECRET, "label", "Token", "secret", true)));
        return body;
    }

    private Response call(Response response) {
        responses.add(response);
        return response;
    }

    @Test
    void shouldLogNoSecretOnAnyErrorPath(CapturedOutput output) throws Exception {
        Tenant tenant = data.company();
        long connector = call(api.post("/api/v1/connectors", tenant.apiKey(), bodyWithSecret(tenant, "Canary")))
                .at("/data/id").asLong();
        long tokenVariable = data.jdbc().sql("SELECT id FROM variables WHERE connector_id = :id AND key = 'access_token'")
                .param("id", connector).query(Long.class).single();

        // 422: invalid fields, wrong types, a value too long; 400: not JSON, query values that are not allowed
        Map<String, Object> invalid = bodyWithSecret(tenant, "Invalid");
        invalid.put("timezone", "Not/" + SECRET);
        call(api.post("/api/v1/connectors", tenant.apiKey(), invalid));
        call(api.put("/api/v1/connectors/" + connector, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "value", SECRET, "secret", SECRET)))));
        call(api.put("/api/v1/connectors/" + connector, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "value", SECRET.repeat(100))))));
        call(api.post("/api/v1/connectors", tenant.apiKey(), "{\"name\": \"" + SECRET + "\", broken"));
        call(api.get(Api.encoded("/api/v1/connectors?include=" + SECRET + "&filter[" + SECRET + "]=1&sort=" + SECRET),
                tenant.apiKey()));
        call(api.get("/api/v1/connectors?page=" + SECRET, tenant.apiKey()));
        // 401, 403, 404, 405, 413, 415
        call(api.post("/api/v1/connectors", SECRET, bodyWithSecret(tenant, "Unauthenticated")));
        call(api.get("/api/v1/connectors", Api.bearer(SECRET)));
        call(api.post("/fabric/api/login", null, Map.of("username", tenant.adminEmail(), "password", SECRET)));
        call(api.post("/api/v1/connectors", data.readOnlyApiKey(tenant), bodyWithSecret(tenant, "Read-only")));
        call(api.get("/api/v1/connectors/" + SECRET, tenant.apiKey()));
        call(api.post("/api/v1/nothing-here/" + SECRET, tenant.apiKey(), Map.of("value", SECRET)));
        call(api.send("PATCH", "/api/v1/connectors", tenant.apiKey(), Map.of("value", SECRET), Map.of()));
        call(api.post("/api/v1/connectors", tenant.apiKey(), "{\"name\": \"" + SECRET + "x".repeat(9 * 1024 * 1024) + "\"}"));
        call(api.send("POST", "/api/v1/connectors", tenant.apiKey(), null, Map.of("Content-Type", "text/plain")));
        // Outbound failures with the secret in the credentials: refused by the system, and a system that is down
        call(api.post("/api/v1/connectors", tenant.apiKey(), withToken(bodyWithSecret(tenant, "Refused"), "bad-" + SECRET)));
        long copied = data.shopifyConnector(tenant, "Copied secret");
        data.jdbc().sql("UPDATE variables SET value = (SELECT value FROM variables WHERE id = :from) WHERE connector_id = :id "
                        + "AND key = 'access_token'")
                .param("from", tokenVariable).param("id", copied).update();
        call(api.post("/api/v1/connectors/" + connector + "/test", tenant.apiKey(), null));
        pointAtAClosedPort(connector);
        call(api.post("/api/v1/connectors/" + connector + "/test", tenant.apiKey(), null));
        call(api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(), Map.of("method", "GET", "path", "/orders")));
        // 500: a stored secret that does not open here (copied from another row)
        call(api.post("/api/v1/connectors/" + copied + "/test", tenant.apiKey(), null));

        assertThat(responses).extracting(Response::status).as("every path ran")
                .contains(200, 400, 401, 403, 404, 405, 413, 415, 422, 500, 502);
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("log-canary");
    }

    private static Map<String, Object> withToken(Map<String, Object> body, String token) {
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop"),
                Map.of("key", "access_token", "value", token, "label", "Token", "secret", true)));
        return body;
    }

    private void pointAtAClosedPort(long connector) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        data.jdbc().sql("UPDATE systems SET base_url = :url WHERE id = (SELECT ai.system_id FROM connectors c "
                        + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id WHERE c.id = :id)")
                .param("url", "http://127.0.0.1:" + closed + "/shopify/{{shop}}").param("id", connector).update();
    }
}
