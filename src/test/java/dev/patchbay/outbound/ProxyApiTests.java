package dev.patchbay.outbound;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ANY /connectors/{id}/proxy/{path}}: the caller's request goes through as it is, minus what
 * belongs to the caller's connection with Patchbay; the system's answer comes back as it is; what
 * Patchbay answers itself says so in {@code Patchbay-Error}. (Large bodies: {@link ProxyStreamingApiTests}.)
 */
class ProxyApiTests extends ApiTest {

    private static final String KEY = "proxy-key-1357";

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

    private long connector(String baseUrl) {
        return connectors.connector(Spec.of(baseUrl, BuiltConnectors.TOKEN, Map.of("headers", Map.of("X-Api-Key", "{{api_key}}")),
                null, Var.secret("api_key", KEY)));
    }

    private static String proxy(long connector, String rest) {
        return "/api/v1/connectors/" + connector + "/proxy" + rest;
    }

    @Test
    void shouldPassMethodRawQueryHeadersAndBodyThroughAndTheAnswerBack() {
        upstream.on("/api/", a -> new Answer(201, Map.of("X-Upstream", "yes", "Content-Type", "text/plain; charset=utf-8"),
                "made it".getBytes(StandardCharsets.UTF_8)));
        long connector = connector(upstream.url() + "/api");
        String query = "filter%5Bstatus%5D=open&q=a%20b+c&empty=&flag";

        Response response = api.send("PATCH", proxy(connector, "/items/7?" + query), tenant.apiKey(),
                "{\"qty\":1}", Map.of("X-Custom", "one", "Proxy-Authorization", "Basic c2VjcmV0", "Keep-Alive", "timeout=5",
                        "Accept", "text/plain"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("X-Upstream")).isEqualTo("yes");
        assertThat(response.header("Content-Type").replace(" ", "")).as("Tomcat drops the space").isEqualTo("text/plain;charset=utf-8");
        assertThat(response.header("Patchbay-Error")).isNull();
        assertThat(response.body()).isEqualTo("made it");

        Arrival arrival = upstream.arrivals().get(0);
        assertThat(arrival.method()).isEqualTo("PATCH");
        assertThat(arrival.path()).isEqualTo("/api/items/7");
        assertThat(arrival.query()).as("the raw query, brackets and all").isEqualTo(query);
        assertThat(arrival.header("X-Custom")).isEqualTo("one");
        assertThat(arrival.header("Accept")).isEqualTo("text/plain");
        assertThat(arrival.header("Content-Type")).startsWith("application/json");
        assertThat(arrival.header("X-Api-Key")).as("the connector's credentials").isEqualTo(KEY);
        assertThat(arrival.header("Authorization")).as("the caller's own credentials stay with Patchbay").isNull();
        assertThat(arrival.header("Proxy-Authorization")).isNull();
        assertThat(arrival.header("Keep-Alive")).isNull();
        assertThat(arrival.header("Host")).isEqualTo(upstream.url().substring("http://".length()));
        assertThat(arrival.bodyText()).isEqualTo("{\"qty\":1}");
    }

    @Test
    void shouldPassEveryMethodThrough() {
        upstream.on("/api/", a -> Answer.json(200, "{\"method\":\"" + a.method() + "\"}"));
        long connector = connector(upstream.url() + "/api");

        for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "OPTIONS"}) {
            Response response = api.send(method, proxy(connector, "/m"), tenant.apiKey(), null, Map.of());
            assertThat(response.status()).as(method + " " + response).isEqualTo(200);
        }
        Response head = api.send("HEAD", proxy(connector, "/m"), tenant.apiKey(), null, Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(upstream.arrivals()).extracting(Arrival::method).containsExactly("GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD");
    }

    @Test
    void shouldPassTheSystemsErrorsBackAsTheyAre() {
        upstream.on("/api/", a -> Answer.json(500, "{\"error\":\"boom\"}"));
        long connector = connector(upstream.url() + "/api");

        Response response = api.get(proxy(connector, "/orders"), tenant.apiKey());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"boom\"}");
        assertThat(response.header("Patchbay-Error")).isNull();
    }

    @Test
    void shouldPassARedirectBackUnchangedWithoutFollowingIt() {
        upstream.on("/api/moved", a -> new Answer(302, Map.of("Location", "http://10.1.2.3/elsewhere?x=1"), new byte[0]));
        long connector = connector(upstream.url() + "/api");

        Response response = api.get(proxy(connector, "/moved"), tenant.apiKey());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("http://10.1.2.3/elsewhere?x=1");
        assertThat(response.header("Patchbay-Error")).isNull();
        assertThat(upstream.arrivals()).hasSize(1);
    }

    @Test
    void shouldMarkAnUnreachableSystemAsPatchbaysOwnAnswer() {
        int port = Bystander.closedPort();
        long connector = connector("http://127.0.0.1:" + port);

        Response response = api.get(proxy(connector, "/orders"), tenant.apiKey());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.header("Patchbay-Error")).isEqualTo("upstream_unreachable");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.at("/message").asString()).isEqualTo("Could not connect to 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void shouldMarkARefusedTargetAsPatchbaysOwnAnswerWithNothingArriving() {
        try (Bystander bystander = new Bystander()) {
            long connector = connector(bystander.url());

            Response response = api.send("POST", proxy(connector, "/orders"), tenant.apiKey(), "{\"a\":1}", Map.of());

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.header("Patchbay-Error")).isEqualTo("target_refused");
            assertThat(response.at("/errors/target/0").asString()).contains("127.0.0.2");
            assertThat(bystander.arrivals()).isZero();
        }
    }

    @Test
    void shouldRefuseStandardUsersAndReadOnlyKeysEvenForAGetAndSendNothing() {
        upstream.on("/api/", a -> Answer.json(200, "{}"));
        long connector = connector(upstream.url() + "/api");

        assertThat(api.get(proxy(connector, "/orders"), data.userWithRole(tenant, "standard")).status()).isEqualTo(403);
        assertThat(api.get(proxy(connector, "/orders"), data.readOnlyApiKey(tenant)).status()).isEqualTo(403);
        assertThat(upstream.arrivals()).isEmpty();
    }
}
