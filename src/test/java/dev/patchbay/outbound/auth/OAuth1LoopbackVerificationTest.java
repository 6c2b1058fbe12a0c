package dev.patchbay.outbound.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.patchbay.outbound.auth.OAuth1Signer.Credentials;
import dev.patchbay.outbound.auth.OAuth1Signer.SignatureMethod;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sends signed requests over loopback to a server that checks them the way an OAuth 1 provider does, with its own
 * code (built on URLEncoder/URLDecoder, not on the signer's helpers), from what actually arrived on the wire.
 */
class OAuth1LoopbackVerificationTest {

    private static final String CONSUMER_SECRET = "c0nsumer secret/+=";
    private static final String TOKEN_SECRET = "t0ken~secret&é";

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void startVerifier() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::verify);
        server.start();
    }

    @AfterEach
    void stopVerifier() {
        server.stop(0);
    }

    private Credentials credentials(SignatureMethod method, String consumerSecret) {
        return new Credentials("consumer-key", consumerSecret, "token-123", TOKEN_SECRET, "1234567_SB1", method);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int send(String method, URI uri, String contentType, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureMethod.class, names = {"HMAC_SHA1", "HMAC_SHA256"})
    void shouldBeAcceptedForAQueryWithSpacesRepeatsAndUnicode(SignatureMethod method) throws Exception {
        URI uri = URI.create(base() + "/services/rest/record/v1/customer?q=caf%C3%A9+au+lait&limit=5&a=2&a=1&plus=1%2B1&empty=");
        String header = new OAuth1Signer(Clock.systemUTC()).authorizationHeader(credentials(method, CONSUMER_SECRET), "GET", uri,
                null, null);

        assertThat(send("GET", uri, null, null, header)).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = SignatureMethod.class, names = {"HMAC_SHA1", "HMAC_SHA256"})
    void shouldBeAcceptedForAFormBody(SignatureMethod method) throws Exception {
        URI uri = URI.create(base() + "/token?grant=1");
        String form = "name=J%C3%BCrgen+M%C3%BCller&note=50%25+off&sum=1%2B1&flag";
        String header = new OAuth1Signer(Clock.systemUTC()).authorizationHeader(credentials(method, CONSUMER_SECRET), "POST", uri,
                "application/x-www-form-urlencoded", form);

        assertThat(send("POST", uri, "application/x-www-form-urlencoded", form, header)).isEqualTo(200);
    }

    @Test
    void shouldBeAcceptedForAJsonBodyThatIsNotSigned() throws Exception {
        URI uri = URI.create(base() + "/records");
        String header = new OAuth1Signer(Clock.systemUTC()).authorizationHeader(
                credentials(SignatureMethod.HMAC_SHA256, CONSUMER_SECRET), "PUT", uri, "application/json", "{\"a\":\"b=c&d\"}");

        assertThat(send("PUT", uri, "application/json", "{\"a\":\"b=c&d\"}", header)).isEqualTo(200);
    }

    @Test
    void shouldBeRefusedWhenSignedWithAnotherSecret() throws Exception {
        URI uri = URI.create(base() + "/records?limit=1");
        String header = new OAuth1Signer(Clock.systemUTC()).authorizationHeader(
                credentials(SignatureMethod.HMAC_SHA256, "not the secret"), "GET", uri, null, null);

        assertThat(send("GET", uri, null, null, header)).isEqualTo(401);
    }

    @Test
    void shouldBeRefusedWhenTheRequestDiffersFromWhatWasSigned() throws Exception {
        String header = new OAuth1Signer(Clock.systemUTC()).authorizationHeader(
                credentials(SignatureMethod.HMAC_SHA256, CONSUMER_SECRET), "GET", URI.create(base() + "/records?limit=1"), null, null);

        assertThat(send("GET", URI.create(base() + "/records?limit=1000"), null, null, header)).isEqualTo(401);
        assertThat(send("DELETE", URI.create(base() + "/records?limit=1"), null, null, header)).isEqualTo(401);
    }

    // ---- the verifier: what a provider does with what it received ----

    private void verify(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status;
        try {
            status = signatureMatches(exchange, new String(body, StandardCharsets.UTF_8)) ? 200 : 401;
        } catch (Exception e) {
            status = 400;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static boolean signatureMatches(HttpExchange exchange, String body) throws Exception {
        Map<String, String> oauth = parseAuthorization(exchange.getRequestHeaders().getFirst("Authorization"));
        List<String[]> parameters = new ArrayList<>();
        oauth.forEach((name, value) -> {
            if (!name.equals("realm") && !name.equals("oauth_signature")) {
                parameters.add(new String[] {name, value});
            }
        });
        parameters.addAll(formPairs(exchange.getRequestURI().getRawQuery()));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            parameters.addAll(formPairs(body));
        }
        String normalized = parameters.stream()
                .map(p -> new String[] {rfc3986(p[0]), rfc3986(p[1])})
                .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
        String baseUri = "http://" + exchange.getRequestHeaders().getFirst("Host").toLowerCase(Locale.ROOT)
                + exchange.getRequestURI().getRawPath();
        String baseString = exchange.getRequestMethod() + "&" + rfc3986(baseUri) + "&" + rfc3986(normalized);

        String algorithm = switch (oauth.get("oauth_signature_method")) {
            case "HMAC-SHA1" -> "HmacSHA1";
            case "HMAC-SHA256" -> "HmacSHA256";
            default -> throw new IllegalArgumentException("unsupported method");
        };
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec((rfc3986(CONSUMER_SECRET) + "&" + rfc3986(TOKEN_SECRET)).getBytes(StandardCharsets.UTF_8),
                algorithm));
        byte[] expected = Base64.getEncoder().encode(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        return oauth.get("oauth_consumer_key").equals("consumer-key")
                && MessageDigest.isEqual(expected, oauth.get("oauth_signature").getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> parseAuthorization(String header) {
        Map<String, String> parameters = new HashMap<>();
        for (String part : header.substring("OAuth ".length()).split(",")) {
            String[] nameValue = part.strip().split("=", 2);
            String quoted = nameValue[1];
            parameters.put(nameValue[0], URLDecoder.decode(quoted.substring(1, quoted.length() - 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static List<String[]> formPairs(String encoded) {
        List<String[]> pairs = new ArrayList<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] nameValue = pair.split("=", 2);
                pairs.add(new String[] {URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : ""});
            }
        }
        return pairs;
    }

    /** RFC 3986 encoding from the JDK's form encoder: it writes a space as "+", leaves "*" alone and encodes "~". */
    private static String rfc3986(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
