package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.RawHttp;
import dev.patchbay.support.RawHttp.Reply;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What clients of a Laravel API really put on the wire (brackets and other characters unencoded,
 * as browsers, axios, urllib and {@code curl -g} send them), and requests the servlet container
 * itself refuses: every answer is the contract's JSON, never the container's HTML page.
 */
class RawHttpTests extends ApiTest {

    @LocalServerPort
    private int port;

    private RawHttp raw;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
    }

    @Test
    void shouldApplyFiltersAndSortsSentWithRawBrackets() throws IOException {
        Tenant tenant = data.company();
        long shop = data.shopifyConnector(tenant, "Shop");

        Reply reply = raw.get("/api/v1/connectors?filter[system]=" + tenant.catalog().shopifySystemId() + "&sort=-name",
                tenant.apiKey());
        Reply other = raw.get("/api/v1/connectors?filter[system]=" + tenant.catalog().sandboxSystemId(), tenant.apiKey());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().at("/data/0/id").asLong()).isEqualTo(shop);
        assertThat(reply.json().at("/meta/total").asLong()).isEqualTo(1);
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        assertThat(other.json().at("/meta/total").asLong()).isZero();
    }

    @Test
    void shouldAcceptEveryCharacterLaravelAcceptsUnencodedInTheQuery() throws IOException {
        Tenant tenant = data.company();
        data.shopifyConnector(tenant, "Shop");

        for (String value : List.of("a|b", "{x}", "a^b", "`a`", "\"quoted\"", "<a>", "back\\slash", "[nested]")) {
            Reply reply = raw.get("/api/v1/connectors?filter[canonical_key]=" + value, tenant.apiKey());

            assertThat(reply.status()).as(value + " -> " + reply).isEqualTo(200);
            assertThat(reply.json().at("/meta/total").asLong()).as(value).isZero();
        }
        Reply include = raw.get("/api/v1/connectors?include=variables|certificate", tenant.apiKey());
        assertThat(include.status()).as(include.toString()).isEqualTo(400);
        assertThat(include.json().at("/message").asString()).contains("variables|certificate");
    }

    @Test
    void shouldAnswer400JsonNamingABrokenPercentEscapeInTheQuery() throws IOException {
        Tenant tenant = data.company();

        for (String query : List.of("x=%zz", "filter[system]=%", "sort=%E0%A4%A", "%zz=1")) {
            Reply reply = raw.get("/api/v1/connectors?" + query, tenant.apiKey());

            assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
            assertJson(query, reply);
            assertThat(reply.json().at("/message").asString()).as(query).contains("percent");
        }
    }

    @Test
    void shouldAnswerJsonWhenTheContainerRefusesTheRequestItself() throws IOException {
        Tenant tenant = data.company();
        String host = "Host: localhost:" + port + "\r\n";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("bad escape in the path", "GET /api/v1/connectors/%zz HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        requests.put("header line without a colon",
                "GET /api/v1/connectors HTTP/1.1\r\n" + host + "Authorization " + tenant.apiKey() + "\r\nConnection: close\r\n\r\n");
        requests.put("header name with a space",
                "GET /api/v1/connectors HTTP/1.1\r\n" + host + "Bad Name: x\r\nConnection: close\r\n\r\n");
        requests.put("control character in the target", "GET /api/v1/conn\u0001ectors HTTP/1.1\r\n" + host + "\r\n");
        requests.put("request line with extra parts", "GET /api/v1/connectors HTTP/1.1 extra\r\n" + host + "\r\n");
        requests.put("two Host headers", "GET /api/v1/connectors HTTP/1.1\r\n" + host + host + "Connection: close\r\n\r\n");
        requests.put("encoded slash", "GET /api/v1/connectors/1%2F2 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");

        requests.forEach((what, request) -> {
            Reply reply = send(request);
            assertThat(reply.status()).as(what + " -> " + reply).isBetween(400, 499);
            assertJson(what, reply);
        });
    }

    @Test
    void shouldAnswerJsonForAnUnsupportedHttpVersion() throws IOException {
        Reply reply = raw.send("GET /api/v1/connectors HTTP/2.5\r\nHost: localhost\r\n\r\n");

        assertThat(reply.status()).as(reply.toString()).isGreaterThanOrEqualTo(400);
        assertJson("HTTP/2.5", reply);
    }

    private Reply send(String request) {
        try {
            return raw.send(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertJson(String what, Reply reply) {
        assertThat(reply.header("Content-Type")).as(what + " -> " + reply).startsWith("application/json");
        assertThat(reply.json()).as(what + " -> " + reply).isNotNull();
        assertThat(reply.json().at("/message").isString()).as(what + " -> " + reply).isTrue();
        assertThat(reply.body()).as(what).doesNotContain("<html").doesNotContain("Tomcat").doesNotContain("Exception");
    }
}
