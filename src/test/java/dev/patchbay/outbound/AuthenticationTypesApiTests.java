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
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every authentication type end to end (DESIGN §2): a connector made through the builder API, its
 * credential check on create, then calls through {@code POST /connectors/{id}/requests}, asserting on
 * what the loopback system received.
 */
class AuthenticationTypesApiTests extends ApiTest {

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private Response call(long connector, String path) {
        return api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(), Map.of("method", "GET", "path", path));
    }

    private static void assertAnswered(Response response, int upstreamStatus) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/response/status").asInt()).as(response.toString()).isEqualTo(upstreamStatus);
    }

    @Test
    void shouldSendNothingForTypeNone() {
        upstream.on("/api/", a -> Answer.json(200, "{\"ok\":true}"));
        long connector = connectors.connector(Spec.of(upstream.url() + "/api", BuiltConnectors.NONE, Map.of(), null));

        assertAnswered(call(connector, "/things"), 200);

        Arrival arrival = upstream.arrivals("/api/things").get(0);
        assertThat(arrival.header("Authorization")).isNull();
        assertThat(arrival.query()).isNull();
    }

    @Test
    void shouldSendBasicCredentialsThatTheSystemChecks() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("ada:p4ss word:é".getBytes(StandardCharsets.UTF_8));
        upstream.on("/api/", a -> expected.equals(a.header("Authorization")) ? Answer.json(200, "{\"me\":\"ada\"}")
                : Answer.json(401, "{}"));
        Spec spec = Spec.of(upstream.url() + "/api", BuiltConnectors.BASIC,
                Map.of("basic", Map.of("username", "{{username}}", "password", "{{password}}")), testRequest("GET", "/me", 200),
                Var.plain("username", "ada"), Var.secret("password", "p4ss word:é"));

        long connector = connectors.connector(spec);
        assertThat(upstream.arrivals("/api/me")).as("the credential check ran on create").hasSize(1);
        assertAnswered(call(connector, "/me"), 200);
        assertThat(upstream.arrivals("/api/me")).allSatisfy(a -> assertThat(a.header("Authorization")).isEqualTo(expected));

        Response refused = connectors.create(spec.withVariables(Var.plain("username", "ada"), Var.secret("password", "wrong")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/errors/credentials/0").asString()).isEqualTo("The system answered 401 Unauthorized; expected 200 OK.");
    }

    @Test
    void shouldSendATokenInAHeader() {
        upstream.on("/api/", a -> "tok-header-1234".equals(a.header("X-Api-Key")) ? Answer.json(200, "{}") : Answer.json(401, "{}"));
        long connector = connectors.connector(Spec.of(upstream.url() + "/api", BuiltConnectors.TOKEN,
                Map.of("headers", Map.of("X-Api-Key", "{{api_key}}")), testRequest("GET", "/ping", 200),
                Var.secret("api_key", "tok-header-1234")));

        assertAnswered(call(connector, "/orders"), 200);
        assertThat(upstream.arrivals("/api/orders").get(0).header("X-Api-Key")).isEqualTo("tok-header-1234");
    }

    @Test
    void shouldSendATokenInTheQuery() {
        upstream.on("/api/", a -> "tok query&=1".equals(Forms.parse(a.query()).get("api_token")) ? Answer.json(200, "{}")
                : Answer.json(401, "{}"));
        long connector = connectors.connector(Spec.of(upstream.url() + "/api", BuiltConnectors.TOKEN,
                Map.of("query", Map.of("api_token", "{{api_key}}")), testRequest("GET", "/ping", 200),
                Var.secret("api_key", "tok query&=1")));

        Response response = call(connector, "/orders");

        assertAnswered(response, 200);
        assertThat(Forms.parse(upstream.arrivals("/api/orders").get(0).query())).containsEntry("api_token", "tok query&=1");
        assertThat(response.at("/data/request/url").asString()).doesNotContain("tok query").contains("api_token=********");
    }

    /** A token endpoint that hands out numbered tokens, and an API that accepts only the latest one. */
    private AtomicReference<String> tokenIssuer(String tokenPath, String bodyTemplate) {
        AtomicInteger issued = new AtomicInteger();
        AtomicReference<String> current = new AtomicReference<>();
        upstream.on(tokenPath, a -> {
            String token = "issued-token-" + issued.incrementAndGet();
            current.set(token);
            return Answer.json(200, bodyTemplate.replace("TOKEN", token));
        });
        return current;
    }

    @Test
    void shouldFetchAClientCredentialsTokenOnceReuseItAndRefreshItOnceAfterA401() {
        AtomicReference<String> valid = tokenIssuer("/oauth/token", "{\"access_token\":\"TOKEN\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        upstream.on("/api/", a -> ("Bearer " + valid.get()).equals(a.header("Authorization")) ? Answer.json(200, "{}")
                : Answer.json(401, "{}"));
        long connector = connectors.connector(Spec.of(upstream.url() + "/api", BuiltConnectors.OAUTH2_CLIENT_CREDENTIALS,
                Map.of("token_request", Map.of("url", upstream.url() + "/oauth/token", "form", Map.of(
                        "grant_type", "client_credentials", "client_id", "{{client_id}}", "client_secret", "{{client_secret}}"))),
                testRequest("GET", "/ping", 200), Var.plain("client_id", "client-1"), Var.secret("client_secret", "cc-secret-9876")));
        Map<String, String> form = Forms.parse(upstream.arrivals("/oauth/token").get(0).bodyText());
        assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "client-1")
                .containsEntry("client_secret", "cc-secret-9876");
        int tokensAfterCreate = upstream.arrivals("/oauth/token").size();

        assertAnswered(call(connector, "/orders"), 200);
        assertAnswered(call(connector, "/orders"), 200);
        assertThat(upstream.arrivals("/oauth/token")).as("fetched once, then reused").hasSize(tokensAfterCreate + 1);
        String reused = valid.get();
        assertThat(upstream.arrivals("/api/orders")).hasSize(2)
                .allSatisfy(a -> assertThat(a.header("Authorization")).isEqualTo("Bearer " + reused));

        valid.set("revoked"); // the system no longer accepts the cached token
        upstream.on("/oauth/token", a -> {
            valid.set("renewed-token-5678");
            return Answer.json(200, "{\"access_token\":\"renewed-token-5678\",\"expires_in\":3600}");
        });
        assertAnswered(call(connector, "/orders"), 200);
        assertThat(upstream.arrivals("/oauth/token")).as("refreshed once").hasSize(tokensAfterCreate + 2);
        List<Arrival> orders = upstream.arrivals("/api/orders");
        assertThat(orders).hasSize(4);
        assertThat(orders.get(2).header("Authorization")).isEqualTo("Bearer " + reused);
        assertThat(orders.get(3).header("Authorization")).isEqualTo("Bearer renewed-token-5678");
    }

    private Spec authorizationCode() {
        return Spec.of(upstream.url() + "/api", BuiltConnectors.OAUTH2_AUTHORIZATION_CODE,
                Map.of("oauth2", Map.of("authorize_url", upstream.url() + "/authorize", "token_url", upstream.url() + "/oauth/token",
                        "client_id", "{{client_id}}", "client_secret", "{{client_secret}}", "scopes", List.of("orders.read", "offline"))),
                testRequest("GET", "/ping", 200), Var.plain("client_id", "code-client"), Var.secret("client_secret", "ac-secret-4321"));
    }

    /** The consent URL's state, after checking the URL is the provider's with Patchbay's callback. */
    private String consent(long connector) {
        Response authorize = api.get("/api/v1/connectors/" + connector + "/oauth/authorize", tenant.apiKey());
        assertThat(authorize.status()).as(authorize.toString()).isEqualTo(200);
        URI url = URI.create(authorize.at("/data/url").asString());
        assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath()).isEqualTo(upstream.url() + "/authorize");
        Map<String, String> query = Forms.parse(url.getRawQuery());
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "code-client")
                .containsEntry("scope", "orders.read offline");
        assertThat(query.get("redirect_uri")).endsWith("/oauth/callback");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(32);
        return query.get("state");
    }

    private Response callback(String state, String code) {
        return api.get("/oauth/callback?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&code=" + code, null);
    }

    @Test
    void shouldCompleteAnAuthorisationCodeConsentOnceAndSendTheBearerThenRefreshAfterA401() {
        AtomicReference<String> valid = new AtomicReference<>("code-access-1");
        upstream.on("/oauth/token", a -> Forms.parse(a.bodyText()).get("grant_type").equals("authorization_code")
                ? Answer.json(200, "{\"access_token\":\"code-access-1\",\"refresh_token\":\"code-refresh-1\",\"expires_in\":3600}")
                : Answer.json(200, "{\"access_token\":\"code-access-2\",\"expires_in\":3600}"));
        upstream.on("/api/", a -> ("Bearer " + valid.get()).equals(a.header("Authorization")) ? Answer.json(200, "{}")
                : Answer.json(401, "{}"));
        long connector = connectors.connector(authorizationCode());
        assertThat(upstream.arrivals()).as("no consent yet, so nothing to check on create").isEmpty();

        String state = consent(connector);
        Response completed = callback(state, "the-code");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        Map<String, String> exchange = Forms.parse(upstream.arrivals("/oauth/token").get(0).bodyText());
        assertThat(exchange).containsEntry("grant_type", "authorization_code").containsEntry("code", "the-code")
                .containsEntry("client_id", "code-client").containsEntry("client_secret", "ac-secret-4321");
        assertThat(exchange.get("redirect_uri")).endsWith("/oauth/callback");

        Response again = callback(state, "the-code");
        assertThat(again.status()).as("the state is single-use").isEqualTo(400);
        assertThat(upstream.arrivals("/oauth/token")).hasSize(1);

        assertAnswered(call(connector, "/orders"), 200);
        assertThat(upstream.arrivals("/api/orders").get(0).header("Authorization")).isEqualTo("Bearer code-access-1");

        valid.set("code-access-2"); // the system revoked the first access token
        assertAnswered(call(connector, "/orders"), 200);
        List<Arrival> tokens = upstream.arrivals("/oauth/token");
        assertThat(tokens).hasSize(2);
        assertThat(Forms.parse(tokens.get(1).bodyText())).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "code-refresh-1");
        assertThat(upstream.arrivals("/api/orders")).extracting(a -> a.header("Authorization"))
                .containsExactly("Bearer code-access-1", "Bearer code-access-1", "Bearer code-access-2");
    }

    @Test
    void shouldUseTheRefreshTokenWhenTheAccessTokenHasExpired() {
        upstream.on("/oauth/token", a -> Forms.parse(a.bodyText()).get("grant_type").equals("authorization_code")
                ? Answer.json(200, "{\"access_token\":\"expired-access\",\"refresh_token\":\"long-refresh-77\",\"expires_in\":0}")
                : Answer.json(200, "{\"access_token\":\"fresh-access\",\"expires_in\":3600}"));
        upstream.on("/api/", a -> "Bearer fresh-access".equals(a.header("Authorization")) ? Answer.json(200, "{}")
                : Answer.json(401, "{}"));
        long connector = connectors.connector(authorizationCode());
        assertThat(callback(consent(connector), "code-2").status()).isEqualTo(200);

        assertAnswered(call(connector, "/orders"), 200);
        assertAnswered(call(connector, "/orders"), 200);

        List<Arrival> tokens = upstream.arrivals("/oauth/token");
        assertThat(tokens).extracting(a -> Forms.parse(a.bodyText()).get("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        assertThat(Forms.parse(tokens.get(1).bodyText())).containsEntry("refresh_token", "long-refresh-77");
        assertThat(upstream.arrivals("/api/orders")).as("never sent with the expired token, and refreshed only once")
                .extracting(a -> a.header("Authorization")).containsExactly("Bearer fresh-access", "Bearer fresh-access");
    }

    @Test
    void shouldRefuseACallbackWithAnUnknownState() {
        Response response = callback("not-a-state-we-issued", "code");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.at("/message").asString()).contains("expired or was already used");
    }

    private static final String CONSUMER_SECRET = "c0nsumer secret/+=";
    private static final String TOKEN_SECRET = "t0ken~secret&é";

    private Spec oauth1(String consumerSecret) {
        return Spec.of(upstream.url() + "/api", BuiltConnectors.OAUTH1,
                Map.of("oauth1", Map.of("consumer_key", "{{consumer_key}}", "consumer_secret", "{{consumer_secret}}",
                        "token", "{{token}}", "token_secret", "{{token_secret}}", "signature_method", "HMAC-SHA256")),
                testRequest("GET", "/ping", 200), Var.plain("consumer_key", "consumer-key"),
                Var.secret("consumer_secret", consumerSecret), Var.plain("token", "token-123"), Var.secret("token_secret", TOKEN_SECRET));
    }

    @Test
    void shouldSignOAuth1RequestsThatTheSystemVerifies() {
        upstream.on("/api/", a -> signatureMatches(a) ? Answer.json(200, "{}") : Answer.json(401, "{}"));
        long connector = connectors.connector(oauth1(CONSUMER_SECRET));

        Response response = api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(), Map.of("method", "POST",
                "path", "/records", "query", Map.of("q", "café au lait", "limit", 5), "body", Map.of("name", "x")));

        assertAnswered(response, 200);
        Arrival arrival = upstream.arrivals("/api/records").get(0);
        assertThat(arrival.header("Authorization")).startsWith("OAuth ").contains("oauth_consumer_key=\"consumer-key\"",
                "oauth_token=\"token-123\"", "oauth_signature_method=\"HMAC-SHA256\"", "oauth_nonce=", "oauth_timestamp=",
                "oauth_signature=");

        Response refused = connectors.create(oauth1("not the consumer secret"));
        assertThat(refused.status()).as("a signature with another secret does not verify").isEqualTo(422);
        assertThat(refused.at("/errors/credentials/0").asString()).contains("401");
    }

    @Test
    void shouldLogInForASessionSendTheTokenAndLogInAgainWhenItIsRefused() {
        AtomicReference<String> valid = tokenIssuer("/login", "{\"data\":{\"token\":\"TOKEN\"}}");
        upstream.on("/api/", a -> valid.get() != null && valid.get().equals(a.header("X-Session")) ? Answer.json(200, "{}")
                : Answer.json(401, "{}"));
        long connector = connectors.connector(Spec.of(upstream.url() + "/api", BuiltConnectors.SESSION, Map.of(
                        "token_request", Map.of("method", "POST", "url", upstream.url() + "/login",
                                "json", Map.of("username", "{{username}}", "password", "{{password}}"), "token_path", "data.token"),
                        "headers", Map.of("X-Session", "{{session_token}}")),
                testRequest("GET", "/ping", 200), Var.plain("username", "ada"), Var.secret("password", "session-pass-1")));
        assertThat(upstream.arrivals("/login").get(0).bodyText()).contains("\"username\":\"ada\"", "\"password\":\"session-pass-1\"");
        int loginsAfterCreate = upstream.arrivals("/login").size();

        assertAnswered(call(connector, "/orders"), 200);
        assertAnswered(call(connector, "/orders"), 200);
        assertThat(upstream.arrivals("/login")).as("logged in once, session reused").hasSize(loginsAfterCreate + 1);
        String session = valid.get();
        assertThat(upstream.arrivals("/api/orders")).allSatisfy(a -> {
            assertThat(a.header("X-Session")).isEqualTo(session);
            assertThat(a.header("Authorization")).as("the implementation places the token itself").isNull();
        });

        valid.set("expired-on-the-server");
        upstream.on("/login", a -> {
            valid.set("second-session-42");
            return Answer.json(200, "{\"data\":{\"token\":\"second-session-42\"}}");
        });
        assertAnswered(call(connector, "/orders"), 200);
        assertThat(upstream.arrivals("/login")).as("logged in again once").hasSize(loginsAfterCreate + 2);
        assertThat(upstream.arrivals("/api/orders").get(3).header("X-Session")).isEqualTo("second-session-42");
    }

    // ---- an OAuth 1 provider's check (RFC 5849 §3.4), written from the RFC with the JDK's encoders ----

    private static boolean signatureMatches(Arrival arrival) {
        try {
            Map<String, String> oauth = new HashMap<>();
            for (String part : arrival.header("Authorization").substring("OAuth ".length()).split(",")) {
                String[] nameValue = part.strip().split("=", 2);
                oauth.put(nameValue[0], URLDecoder.decode(nameValue[1].substring(1, nameValue[1].length() - 1), StandardCharsets.UTF_8));
            }
            List<String[]> parameters = new ArrayList<>();
            oauth.forEach((name, value) -> {
                if (!name.equals("realm") && !name.equals("oauth_signature")) {
                    parameters.add(new String[] {name, value});
                }
            });
            Forms.parse(arrival.query()).forEach((name, value) -> parameters.add(new String[] {name, value}));
            String contentType = arrival.header("Content-Type");
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                Forms.parse(arrival.bodyText()).forEach((name, value) -> parameters.add(new String[] {name, value}));
            }
            String normalized = parameters.stream().map(p -> new String[] {rfc3986(p[0]), rfc3986(p[1])})
                    .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                    .map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
            String base = arrival.method() + "&" + rfc3986("http://" + arrival.header("Host") + arrival.path()) + "&"
                    + rfc3986(normalized);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((rfc3986(CONSUMER_SECRET) + "&" + rfc3986(TOKEN_SECRET)).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return "HMAC-SHA256".equals(oauth.get("oauth_signature_method"))
                    && MessageDigest.isEqual(expected, oauth.get("oauth_signature").getBytes(StandardCharsets.US_ASCII));
        } catch (Exception malformed) {
            return false;
        }
    }

    private static String rfc3986(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
