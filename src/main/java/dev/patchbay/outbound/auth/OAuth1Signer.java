package dev.patchbay.outbound.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request with OAuth 1.0 (RFC 5849), as NetSuite's token-based authentication and other OAuth 1 systems
 * expect, and gives the {@code Authorization: OAuth ...} header value for whatever HTTP client sends the request.
 *
 * <p>Written by hand rather than taken from a library: ScribeJava's newest release (8.3.3, 2022) signs only
 * HMAC-SHA1, RSA-SHA1 and PLAINTEXT (HMAC-SHA256, which NetSuite requires since 2021, sits in unmerged pull
 * requests) and signs only its own request type; oauth-signpost (2.1.1, 2015) is unmaintained and HMAC-SHA1 only.
 * The algorithm is short and fully specified, and the tests hold it to the RFC's and Twitter's published vectors
 * and to an independent verifier on loopback.
 *
 * <p>What is signed (RFC 5849 §3.4.1): the method in upper case; the base URI with scheme and host in lower case,
 * the default port dropped and no query or fragment; and every parameter of the query, of an
 * {@code application/x-www-form-urlencoded} body and of the protocol itself (never the realm), each
 * percent-encoded with only unreserved characters left as they are, sorted by name and then value.
 */
public final class OAuth1Signer {

    /** The signature methods a definition's {@code oauth1.signature_method} may name. */
    public enum SignatureMethod {
        HMAC_SHA1("HMAC-SHA1", "HmacSHA1"),
        HMAC_SHA256("HMAC-SHA256", "HmacSHA256"),
        /** The key itself as the signature: only ever over TLS (RFC 5849 §3.4.4). */
        PLAINTEXT("PLAINTEXT", null);

        private final String protocolName;
        private final String macAlgorithm;

        SignatureMethod(String protocolName, String macAlgorithm) {
            this.protocolName = protocolName;
            this.macAlgorithm = macAlgorithm;
        }

        /** The name as it travels in {@code oauth_signature_method}. */
        public String protocolName() {
            return protocolName;
        }

        /** Reads {@code HMAC-SHA256} and the like, in any case. */
        public static SignatureMethod fromProtocolName(String name) {
            for (SignatureMethod method : values()) {
                if (method.protocolName.equalsIgnoreCase(name.strip())) {
                    return method;
                }
            }
            throw new IllegalArgumentException("Unknown OAuth 1 signature method `" + name
                    + "`; use HMAC-SHA256, HMAC-SHA1 or PLAINTEXT.");
        }
    }

    /**
     * What an instance holds for OAuth 1. {@code token}/{@code tokenSecret} may be empty (two-legged use), and so may
     * {@code realm} (then no realm is sent). {@link #toString()} keeps the secrets out of logs.
     */
    public record Credentials(String consumerKey, String consumerSecret, String token, String tokenSecret, String realm,
            SignatureMethod method) {

        @Override
        public String toString() {
            return "Credentials[consumerKey=" + consumerKey + ", consumerSecret=********, token=" + token
                    + ", tokenSecret=********, realm=" + realm + ", method=" + method + "]";
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final Clock clock;
    private final Supplier<String> nonces;

    /** Timestamps from the clock, nonces of 128 random bits. */
    public OAuth1Signer(Clock clock) {
        this(clock, randomNonces(new SecureRandom()));
    }

    /** For tests that need a known nonce. */
    public OAuth1Signer(Clock clock, Supplier<String> nonces) {
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * The {@code Authorization} header value for one request.
     *
     * @param method      the HTTP method
     * @param uri         the full request URI, query included, exactly as it will be sent
     * @param contentType the request's content type, or null; a form body is signed, any other body is not
     * @param body        the request body, or null
     */
    public String authorizationHeader(Credentials credentials, String method, URI uri, String contentType, String body) {
        List<Map.Entry<String, String>> protocol = new ArrayList<>();
        protocol.add(Map.entry("oauth_consumer_key", credentials.consumerKey()));
        if (credentials.token() != null && !credentials.token().isEmpty()) {
            protocol.add(Map.entry("oauth_token", credentials.token()));
        }
        protocol.add(Map.entry("oauth_signature_method", credentials.method().protocolName()));
        protocol.add(Map.entry("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())));
        protocol.add(Map.entry("oauth_nonce", nonces.get()));
        protocol.add(Map.entry("oauth_version", "1.0"));

        List<Map.Entry<String, String>> signed = new ArrayList<>(protocol);
        signed.addAll(decodeForm(uri.getRawQuery()));
        if (isForm(contentType) && body != null) {
            signed.addAll(decodeForm(body));
        }
        String signature = signature(baseString(method, uri, signed), credentials);

        StringBuilder header = new StringBuilder("OAuth ");
        if (credentials.realm() != null && !credentials.realm().isEmpty()) {
            header.append("realm=\"").append(credentials.realm().replace("\\", "\\\\").replace("\"", "\\\"")).append("\", ");
        }
        protocol.add(Map.entry("oauth_signature", signature));
        header.append(protocol.stream()
                .map(p -> encode(p.getKey()) + "=\"" + encode(p.getValue()) + "\"")
                .collect(Collectors.joining(", ")));
        return header.toString();
    }

    /** RFC 5849 §3.4.1: method, base URI and normalized parameters, each encoded, joined by {@code &}. */
    static String baseString(String method, URI uri, List<Map.Entry<String, String>> parameters) {
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalize(parameters));
    }

    /** RFC 5849 §3.4.1.2. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 5849 §3.4.1.3.2: encode, sort by name then value, join; {@code oauth_signature} never takes part. */
    static String normalize(List<Map.Entry<String, String>> parameters) {
        return parameters.stream()
                .filter(p -> !p.getKey().equals("oauth_signature"))
                .map(p -> Map.entry(encode(p.getKey()), encode(p.getValue())))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining("&"));
    }

    /** RFC 5849 §3.4.2–3.4.4: the signature over a base string with {@code consumerSecret&tokenSecret} as the key. */
    static String signature(String baseString, Credentials credentials) {
        String key = encode(credentials.consumerSecret()) + "&"
                + encode(credentials.tokenSecret() == null ? "" : credentials.tokenSecret());
        SignatureMethod method = credentials.method();
        if (method == SignatureMethod.PLAINTEXT) {
            return key;
        }
        try {
            Mac mac = Mac.getInstance(method.macAlgorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), method.macAlgorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA1 and HmacSHA256, so this is a broken runtime, not bad input.
            throw new IllegalStateException("This Java runtime cannot compute " + method.protocolName(), e);
        }
    }

    /** RFC 5849 §3.6: UTF-8, and everything but ALPHA, DIGIT, "-", ".", "_" and "~" as %XX in upper case. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(UPPER_HEX.toHexDigits(b));
            }
        }
        return out.toString();
    }

    /** Name/value pairs of a query or form body, decoded ("+" is a space); "c2" alone is c2 with an empty value. */
    static List<Map.Entry<String, String>> decodeForm(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(decode(name), decode(value)));
        }
        return pairs;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // No part of the value in the message: a form body may carry secrets.
            throw new IllegalArgumentException("A query or form parameter has a % that is not followed by two hex digits.");
        }
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    private static Supplier<String> randomNonces(SecureRandom random) {
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
