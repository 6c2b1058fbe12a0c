package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators and clients rely on around the API itself: health, request ids, body limits and error bodies. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTests extends ApiTest {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final long NINE_MB = 9L * 1024 * 1024;
    private static final String DISPATCHER_LOGGER = "org.springframework.web.servlet.DispatcherServlet";

    @LocalServerPort
    private int port;

    @Autowired
    private LoggingSystem loggingSystem;

    // ---- health

    @Test
    void shouldReportHealthUpWithDatabaseComponentWithoutAuthentication() {
        Response health = api.get("/actuator/health", null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.at("/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void shouldReportHealthEvenWhenAnInvalidAuthorizationHeaderIsSent() {
        Response health = api.get("/actuator/health", "garbage-key");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.at("/status").asString()).isEqualTo("UP");
    }

    // ---- request ids

    @Test
    void shouldGenerateUuidRequestIdForEveryResponse() {
        Tenant tenant = data.company();

        Response first = api.get("/api/v1/connectors", tenant.apiKey());
        Response second = api.get("/api/v1/connectors", tenant.apiKey());
        Response unauthenticated = api.get("/api/v1/connectors", null);
        Response notFound = api.get("/api/v1/no-such-route", tenant.apiKey());

        for (Response response : List.of(first, second, unauthenticated, notFound)) {
            assertThat(response.header("X-Request-Id")).as(response.toString()).matches(UUID_PATTERN);
        }
        assertThat(first.header("X-Request-Id")).isNotEqualTo(second.header("X-Request-Id"));
    }

    @Test
    void shouldEchoSaneIncomingRequestId() {
        Tenant tenant = data.company();
        String requestId = "client-" + UUID.randomUUID() + ".retry:2_x";

        Response ok = send("GET", "/api/v1/connectors", tenant.apiKey(), null, Map.of("X-Request-Id", requestId));
        Response unauthenticated = send("GET", "/api/v1/connectors", null, null, Map.of("X-Request-Id", requestId));
        Response invalid = send("POST", "/api/v1/connectors", tenant.apiKey(), "{\"name\": ", Map.of("X-Request-Id", requestId));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void shouldReplaceUnsafeOrOverlongIncomingRequestIdWithUuid() {
        for (String unsafe : List.of("has spaces in it", "a".repeat(129), "<script>alert(1)</script>", "id;drop=1")) {
            Response response = send("GET", "/actuator/health", null, null, Map.of("X-Request-Id", unsafe));

            assertThat(response.header("X-Request-Id")).as(unsafe).matches(UUID_PATTERN);
        }
        String longest = "b".repeat(128);
        assertThat(send("GET", "/actuator/health", null, null, Map.of("X-Request-Id", longest)).header("X-Request-Id"))
                .isEqualTo(longest);
    }

    /**
     * Nothing in the app logs at INFO during an ordinary request, so the test turns the
     * DispatcherServlet's request logging on at DEBUG for the duration of one request, then restores
     * it: its lines are written inside the request and must carry the request id.
     */
    @Test
    void shouldWriteRequestIdIntoLogLinesOfTheRequest(CapturedOutput output) {
        Tenant tenant = data.company();
        String echoed = "log-check-" + UUID.randomUUID();
        Response withId;
        Response withoutId;
        loggingSystem.setLogLevel(DISPATCHER_LOGGER, LogLevel.DEBUG);
        try {
            withId = send("GET", "/api/v1/connectors?per_page=5", tenant.apiKey(), null, Map.of("X-Request-Id", echoed));
            withoutId = api.get("/api/v1/connectors/0", tenant.apiKey());
        } finally {
            loggingSystem.setLogLevel(DISPATCHER_LOGGER, null);
        }

        assertThat(withId.status()).isEqualTo(200);
        assertThat(withoutId.status()).isEqualTo(404);
        String generated = withoutId.header("X-Request-Id");
        assertThat(generated).matches(UUID_PATTERN);
        List<String> echoedLines = linesContaining(output, "[" + echoed + "]");
        List<String> generatedLines = linesContaining(output, "[" + generated + "]");
        assertThat(echoedLines).as(output.getAll()).isNotEmpty();
        assertThat(echoedLines).anySatisfy(line -> assertThat(line).contains("/api/v1/connectors"));
        assertThat(generatedLines).as(output.getAll()).isNotEmpty();
        assertThat(generatedLines).anySatisfy(line -> assertThat(line).contains("/api/v1/connectors/0"));
    }

    // ---- body size

    @Test
    void shouldReturn413WhenDeclaredContentLengthIsOver8Megabytes() throws IOException {
        Tenant tenant = data.company();

        RawResponse response = rawPostWithDeclaredLength("/api/v1/connectors", tenant.apiKey(), NINE_MB);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.headers().get("content-type")).as("no ISO-8859-1 charset from a writer").isEqualTo("application/json");
        assertThat(response.headers().get("x-request-id")).matches(UUID_PATTERN);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.propertyNames()).containsExactly("message");
        assertThat(body.get("message").asString()).contains("8 MB");
        assertThat(api.get("/api/v1/connectors", tenant.apiKey()).at("/meta/total").asLong()).isZero();
    }

    @Test
    void shouldReturn413WhenChunkedBodyGrowsOver8Megabytes() throws Exception {
        Tenant tenant = data.company();
        byte[] huge = hugeJsonBody();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/connectors"))
                .timeout(Duration.ofSeconds(60))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", tenant.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"message\"").contains("8 MB").doesNotContain("Exception");
        assertThat(api.get("/api/v1/connectors", tenant.apiKey()).at("/meta/total").asLong()).isZero();
    }

    @Test
    void shouldAcceptBodyJustUnderTheLimit() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Big but fine"));
        body.put("padding", "x".repeat(7 * 1024 * 1024));

        Response response = api.post("/api/v1/connectors", tenant.apiKey(), body);

        assertThat(response.status()).as("unknown fields are ignored; 7 MB is under the limit").isEqualTo(200);
    }

    // ---- malformed and mistyped bodies

    @Test
    void shouldReturn400ForMalformedJson() {
        Tenant tenant = data.company();

        for (String malformed : List.of("{not json", "{\"name\": \"x\"", "[1, 2", "{\"name\": \"x\",}")) {
            Response response = api.post("/api/v1/connectors", tenant.apiKey(), malformed);
            assertThat(response.status()).as(malformed + " -> " + response).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"message\":\"The request body is not valid JSON.\"}");
        }
        Response login = api.post("/fabric/api/login", null, "{\"username\": ");
        assertThat(login.status()).as(login.toString()).isEqualTo(400);
        assertThat(login.at("/message").asString()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void shouldReturn422NamingTheFieldWhenValueHasWrongType() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Typed"));
        body.put("rate_limit_duration", "abc");

        Response response = api.post("/api/v1/connectors", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactly("rate_limit_duration");
        assertThat(response.at("/message").asString()).isEqualTo(response.at("/errors/rate_limit_duration/0").asString())
                .contains("rate limit duration");
        assertThat(api.get("/api/v1/connectors", tenant.apiKey()).at("/meta/total").asLong()).isZero();
    }

    @Test
    void shouldReturn422WithDottedPathWhenNestedValueHasWrongType() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Nested"));
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop", "secret", Map.of("nested", "object")),
                Map.of("key", "access_token", "value", "shpat_1", "label", "Token", "secret", true)));

        Response response = api.post("/api/v1/connectors", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactly("variables.0.secret");
    }

    @Test
    void shouldReturn422WhenUpdateValueHasWrongType() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Typed update");

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("rate_limit_duration", "abc", "variables", List.of()));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactly("rate_limit_duration");
    }

    // ---- unknown routes

    @Test
    void shouldReturn404JsonForUnknownRouteUnderApiWithValidAuth() {
        Tenant tenant = data.company();

        for (Response response : List.of(
                api.get("/api/v1/no-such-thing", tenant.apiKey()),
                api.get("/api/v2/connectors", tenant.apiKey()),
                api.post("/api/v1/no-such-thing", tenant.apiKey(), Map.of("a", 1)),
                api.delete("/api/v1/connectors/1/no-such-action", tenant.apiKey()))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found.\"}");
            assertThat(response.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void shouldReturn401NotA404ForUnknownRouteWithoutAuth() {
        Response response = api.get("/api/v1/no-such-thing", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}");
    }

    @Test
    void shouldReturn404ForNonNumericConnectorId() {
        Tenant tenant = data.company();

        Response response = api.get("/api/v1/connectors/not-a-number", tenant.apiKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.at("/message").asString()).isEqualTo("No query results for connector not-a-number.");
    }

    // ---- no internals in error bodies

    @Test
    void shouldNeverExposeStackTracesOrExceptionNamesInErrorBodies() throws IOException {
        Tenant tenant = data.company();
        String standard = data.userWithRole(tenant, "standard");
        Map<String, Object> wrongType = new HashMap<>(data.shopifyBody(tenant, "x"));
        wrongType.put("rate_limit_duration", "abc");
        Map<String, Object> invalidValues = new HashMap<>(data.shopifyBody(tenant, "x"));
        invalidValues.put("timezone", "Mars/Olympus");
        invalidValues.put("rate_limit_duration", 99999999999L);

        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("400 malformed", api.post("/api/v1/connectors", tenant.apiKey(), "{oops"));
        responses.put("400 bad include", api.get("/api/v1/connectors?include=nope", tenant.apiKey()));
        responses.put("400 bad page", api.get("/api/v1/connectors?page=abc", tenant.apiKey()));
        responses.put("401", api.get("/api/v1/connectors", "garbage"));
        responses.put("403", api.post("/api/v1/connectors", standard, data.shopifyBody(tenant, "x")));
        responses.put("404 route", api.get("/api/v1/nothing-here", tenant.apiKey()));
        responses.put("404 outside api", api.get("/nothing-here", null));
        responses.put("404 id", api.get("/api/v1/connectors/abc", tenant.apiKey()));
        responses.put("404 record", api.get("/api/v1/connectors/999999999", tenant.apiKey()));
        responses.put("405", send("PATCH", "/api/v1/connectors", tenant.apiKey(), "{}", Map.of()));
        responses.put("415", send("POST", "/api/v1/connectors", tenant.apiKey(), null, Map.of("Content-Type", "text/plain")));
        responses.put("422 wrong type", api.post("/api/v1/connectors", tenant.apiKey(), wrongType));
        responses.put("422 invalid", api.post("/api/v1/connectors", tenant.apiKey(), invalidValues));
        responses.put("422 empty", api.post("/api/v1/connectors", tenant.apiKey(), "{}"));
        responses.put("422 array body", api.post("/api/v1/connectors", tenant.apiKey(), "[]"));
        responses.put("422 null body", api.post("/api/v1/connectors", tenant.apiKey(), "null"));

        responses.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response).isBetween(400, 499);
            assertThat(response.json()).as(what + " has a JSON body: " + response).isNotNull();
            assertThat(response.json().get("message")).as(what + " has a message: " + response).isNotNull();
            assertNoInternals(what, response.body());
        });
        assertThat(responses.get("405").status()).isEqualTo(405);
        assertThat(responses.get("415").status()).isEqualTo(415);

        RawResponse tooLarge = rawPostWithDeclaredLength("/api/v1/connectors", tenant.apiKey(), NINE_MB);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertNoInternals("413", tooLarge.body());
    }

    // ---- helpers

    private static void assertNoInternals(String what, String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        assertThat(body).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContain("springframework").doesNotContain("dev.patchbay").doesNotContain("jackson");
        assertThat(lower).as(what).doesNotContain("stacktrace").doesNotContain("\"trace\"").doesNotContain("sql");
    }

    private Response send(String method, String path, String authorization, Object body, Map<String, String> headers) {
        return api.send(method, path, authorization, body, headers);
    }

    private static List<String> linesContaining(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).toList();
    }

    private static byte[] hugeJsonBody() {
        StringBuilder json = new StringBuilder((int) NINE_MB + 100);
        json.append("{\"name\": \"Huge\", \"padding\": \"");
        json.append("x".repeat((int) NINE_MB));
        json.append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {}

    /** Sends only the request head, declaring a body of {@code length} bytes, and reads the answer. */
    private RawResponse rawPostWithDeclaredLength(String path, String authorization, long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n"
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write("{\"name\": \"".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    private static RawResponse readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new RawResponse(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed in the middle of a line");
            }
            if (b != '\r') {
                bytes.add((byte) b);
            }
        }
        byte[] line = new byte[bytes.size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = bytes.get(i);
        }
        return new String(line, StandardCharsets.ISO_8859_1);
    }
}
