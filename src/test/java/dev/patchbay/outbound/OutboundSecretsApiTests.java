package dev.patchbay.outbound;

import static dev.patchbay.outbound.BuiltConnectors.testRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.outbound.BuiltConnectors.Var;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.StubUpstream.Arrival;
import dev.patchbay.support.TestData.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * DESIGN §6 on the send path: secret variables, passwords, obtained tokens and the
 * {@code Authorization} header never appear in a response or a log line, on success and on every
 * failure, even when the system echoes them back.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboundSecretsApiTests extends ApiTest {

    private static final String HEADER_TOKEN = "hdr-secret-token-a1b2c3";
    private static final String QUERY_TOKEN = "qry-secret-token-d4e5f6";
    private static final String PASSWORD = "basic-secret-pass-g7h8";
    private static final String CLIENT_SECRET = "client-secret-i9j0k1";
    private static final String ISSUED_TOKEN = "issued-access-token-l2m3n4";
    private static final String SESSION_PASSWORD = "session-secret-pass-o5p6";
    private static final String SESSION_TOKEN = "session-token-q7r8s9";
    private static final String BASIC_HEADER = Base64.getEncoder()
            .encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final List<String> SECRETS = List.of(HEADER_TOKEN, QUERY_TOKEN, PASSWORD, CLIENT_SECRET, ISSUED_TOKEN,
            SESSION_PASSWORD, SESSION_TOKEN, BASIC_HEADER);

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;
    private final List<Response> responses = new ArrayList<>();
    private final AtomicBoolean refuse = new AtomicBoolean();

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        // A careless system: it echoes everything it was sent, credentials included, in its body and headers.
        upstream.on("/api/", a -> {
            String echo = a.method() + " " + a.path() + "?" + a.query() + " " + a.headers() + " " + a.bodyText();
            return new Answer(refuse.get() ? 401 : 200, Map.of("X-Echo", echo.replaceAll("[\\r\\n]", " ")),
                    echo.getBytes(StandardCharsets.UTF_8));
        });
        upstream.on("/oauth/token", a -> refuse.get() ? Answer.json(401, "{\"error\":\"invalid_client\",\"got\":\"" + a.bodyText() + "\"}")
                : Answer.json(200, "{\"access_token\":\"" + ISSUED_TOKEN + "\",\"expires_in\":3600}"));
        upstream.on("/login", a -> Answer.json(200, "{\"token\":\"" + SESSION_TOKEN + "\"}"));
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private Spec headerToken(String baseUrl) {
        return Spec.of(baseUrl, BuiltConnectors.TOKEN, Map.of("headers", Map.of("X-Token", "{{token}}")),
                testRequest("GET", "/ping", 200), Var.secret("token", HEADER_TOKEN));
    }

    private Spec queryToken(String baseUrl) {
        return Spec.of(baseUrl, BuiltConnectors.TOKEN, Map.of("query", Map.of("token", "{{token}}")),
                testRequest("GET", "/ping", 200), Var.secret("token", QUERY_TOKEN));
    }

    private Spec basic(String baseUrl) {
        return Spec.of(baseUrl, BuiltConnectors.BASIC, Map.of("basic", Map.of("username", "{{username}}", "password", "{{password}}")),
                testRequest("GET", "/ping", 200), Var.plain("username", "ada"), Var.secret("password", PASSWORD));
    }

    private Spec clientCredentials(String baseUrl) {
        return Spec.of(baseUrl, BuiltConnectors.OAUTH2_CLIENT_CREDENTIALS, Map.of("token_request", Map.of(
                        "url", upstream.url() + "/oauth/token", "form", Map.of("grant_type", "client_credentials",
                                "client_id", "{{client_id}}", "client_secret", "{{client_secret}}"))),
                testRequest("GET", "/ping", 200), Var.plain("client_id", "client-1"), Var.secret("client_secret", CLIENT_SECRET));
    }

    private Spec session(String baseUrl) {
        return Spec.of(baseUrl, BuiltConnectors.SESSION, Map.of("token_request", Map.of("url", upstream.url() + "/login",
                        "json", Map.of("user", "{{username}}", "password", "{{password}}"), "token_path", "token")),
                testRequest("GET", "/ping", 200), Var.plain("username", "ada"), Var.secret("password", SESSION_PASSWORD));
    }

    private void exercise(long connector) {
        responses.add(api.post("/api/v1/connectors/" + connector + "/test", tenant.apiKey(), null));
        responses.add(api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "POST", "path", "/orders", "query", Map.of("page", 2), "body", Map.of("note", "hello"))));
    }

    private void assertNoSecretIn(CapturedOutput output) {
        assertThat(responses).isNotEmpty();
        for (Response response : responses) {
            for (String secret : SECRETS) {
                assertThat(response.body()).as("%s: %s", response.status(), response.body()).doesNotContain(secret);
                assertThat(response.headers().map().toString()).as("headers of %s", response.status()).doesNotContain(secret);
            }
        }
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
        }
    }

    @Test
    void shouldKeepEverySecretOutOfResponsesAndLogsWhenCallsSucceed(CapturedOutput output) {
        String base = upstream.url() + "/api";
        for (Spec spec : List.of(headerToken(base), queryToken(base), basic(base), clientCredentials(base), session(base))) {
            Response created = connectors.create(spec);
            responses.add(created);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            exercise(created.at("/data/id").asLong());
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<Arrival> sent = upstream.arrivals("/api/orders");
        assertThat(sent).as("the system did get the secrets").hasSize(5);
        assertThat(sent.get(0).header("X-Token")).isEqualTo(HEADER_TOKEN);
        assertThat(sent.get(3).header("Authorization")).isEqualTo("Bearer " + ISSUED_TOKEN);
        assertThat(responses.get(2).at("/data/response/body").asString()).as("the echo, masked").contains("********");
        assertNoSecretIn(output);
    }

    @Test
    void shouldKeepEverySecretOutOfResponsesAndLogsWhenCallsFail(CapturedOutput output) {
        String base = upstream.url() + "/api";
        List<Long> made = new ArrayList<>();
        for (Spec spec : List.of(headerToken(base), queryToken(base), basic(base), clientCredentials(base), session(base))) {
            made.add(connectors.connector(spec));
        }
        refuse.set(true); // every credential is refused from now on, echoed back in the refusal
        made.forEach(this::exercise);
        responses.add(connectors.create(clientCredentials(base)));
        responses.add(connectors.create(basic(base)));

        String closed = "http://127.0.0.1:" + Bystander.closedPort();
        try (Bystander bystander = new Bystander()) {
            for (String target : List.of(closed, bystander.url())) {
                for (Spec spec : List.of(headerToken(target), queryToken(target), basic(target))) {
                    responses.add(connectors.create(spec));
                }
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 422, 502));
        assertThat(responses).filteredOn(r -> r.status() == 422).hasSizeGreaterThanOrEqualTo(10);
        assertNoSecretIn(output);
    }

    @Test
    void shouldKeepTheConnectorsSecretsOutOfProxyFailuresAndLogs(CapturedOutput output) {
        long unreachable = connectors.connector(queryToken(upstream.url() + "/api").withVariables(Var.secret("token", QUERY_TOKEN)));
        data.jdbc().sql("UPDATE systems SET base_url = :url WHERE id = (SELECT ai.system_id FROM connectors c "
                        + "JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id WHERE c.id = :id)")
                .param("url", "http://127.0.0.1:" + Bystander.closedPort()).param("id", unreachable).update();

        responses.add(api.get("/api/v1/connectors/" + unreachable + "/proxy/orders?page=1", tenant.apiKey()));
        responses.add(api.post("/api/v1/connectors/" + unreachable + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", "/orders")));

        assertThat(responses).extracting(Response::status).containsExactly(502, 502);
        assertThat(responses.get(1).at("/data/request/url").asString()).endsWith("/orders?token=********");
        assertNoSecretIn(output);
    }
}
