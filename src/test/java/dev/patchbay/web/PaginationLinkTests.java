package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.TestData.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page's links must not come from what the client writes about the server: a forged {@code Host}
 * header, an absolute request line or {@code X-Forwarded-*} must not reach the links other clients,
 * caches and logs follow. With no {@code patchbay.public-url}, links use the address and port the
 * connection actually reached.
 */
class PaginationLinkTests extends ApiTest {

    private static final String EVIL = "evil.example.test";

    @LocalServerPort
    private int port;

    @Test
    void shouldNotPutAForgedHostHeaderIntoPaginationLinks() throws IOException {
        Tenant tenant = data.company();
        data.shopifyConnector(tenant, "One");
        data.shopifyConnector(tenant, "Two");

        JsonNode body = rawGet("GET /api/v1/connectors?per_page=1&page=1 HTTP/1.1", tenant.apiKey(), EVIL + ":666");

        assertLinksAreOurs(body);
    }

    @Test
    void shouldNotPutTheHostOfAnAbsoluteRequestLineIntoPaginationLinks() throws IOException {
        Tenant tenant = data.company();
        data.shopifyConnector(tenant, "One");
        data.shopifyConnector(tenant, "Two");

        JsonNode body = rawGet("GET http://" + EVIL + "/api/v1/connectors?per_page=1&page=1 HTTP/1.1", tenant.apiKey(), EVIL);

        assertLinksAreOurs(body);
    }

    private void assertLinksAreOurs(JsonNode body) {
        String ours = "http://localhost:" + port + "/api/v1/connectors";
        assertThat(body.at("/meta/path").asString()).isEqualTo(ours);
        assertThat(body.at("/links/first").asString()).isEqualTo(ours + "?per_page=1&page=1");
        assertThat(body.at("/links/next").asString()).isEqualTo(ours + "?per_page=1&page=2");
        assertThat(body.toString()).doesNotContain(EVIL);
    }

    /** Java's HttpClient will not send a Host of our choosing, so this speaks HTTP/1.1 over a socket. */
    private JsonNode rawGet(String requestLine, String apiKey, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nX-Forwarded-Host: " + EVIL + "\r\nX-Forwarded-Proto: https"
                    + "\r\nForwarded: host=" + EVIL + "\r\nAuthorization: " + apiKey + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = read(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 200");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            return JsonMapper.builder().build().readTree(body);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
