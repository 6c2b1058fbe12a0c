package dev.patchbay.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running app on its random port: what an API client would send. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, String authorization) {
        return send("GET", path, authorization, null, Map.of());
    }

    public Response post(String path, String authorization, Object body) {
        return send("POST", path, authorization, body, Map.of());
    }

    public Response put(String path, String authorization, Object body) {
        return send("PUT", path, authorization, body, Map.of());
    }

    public Response delete(String path, String authorization) {
        return send("DELETE", path, authorization, null, Map.of());
    }

    /** @param body a JSON string sent as it is, or any object serialized as JSON; null for none */
    public Response send(String method, String path, String authorization, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A path with its query's {@code [} and {@code ]} percent-encoded, as a browser sends {@code filter[name]=x}. */
    public static String encoded(String pathAndQuery) {
        return pathAndQuery.replace("[", "%5B").replace("]", "%5D");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
