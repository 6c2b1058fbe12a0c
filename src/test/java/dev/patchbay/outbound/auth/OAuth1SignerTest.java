package dev.patchbay.outbound.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.patchbay.outbound.auth.OAuth1Signer.Credentials;
import dev.patchbay.outbound.auth.OAuth1Signer.SignatureMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuth1SignerTest {

    // Twitter's "Creating a signature" example (the /1/ API version of the page).
    private static final URI TWITTER_URI = URI.create("https://api.twitter.com/1/statuses/update.json?include_entities=true");
    private static final String TWITTER_BODY = "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21";
    private static final String TWITTER_NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    private static final Clock TWITTER_CLOCK = Clock.fixed(Instant.ofEpochSecond(1318622958), ZoneOffset.UTC);
    private static final String TWITTER_BASE_STRING = "POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&"
            + "include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3D"
            + "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958"
            + "%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3D"
            + "Hello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521";

    private static Credentials twitter(SignatureMethod method, String realm) {
        return new Credentials("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", realm, method);
    }

    private static String twitterHeader(SignatureMethod method, String realm) {
        return new OAuth1Signer(TWITTER_CLOCK, () -> TWITTER_NONCE).authorizationHeader(twitter(method, realm), "post",
                TWITTER_URI, "application/x-www-form-urlencoded", TWITTER_BODY);
    }

    @Test
    void shouldBuildTheBaseStringOfRfc5849Section3411() {
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> parameters = new ArrayList<>(OAuth1Signer.decodeForm(uri.getRawQuery()));
        parameters.addAll(OAuth1Signer.decodeForm("c2&a3=2+q"));
        parameters.addAll(List.of(Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"), Map.entry("oauth_token", "kkk9d7dh3k39sjv7"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "137131201"),
                Map.entry("oauth_nonce", "7d8f3e4a"), Map.entry("oauth_signature", "ignored%3D")));

        assertThat(OAuth1Signer.normalize(parameters)).isEqualTo("a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&"
                + "oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&"
                + "oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
        assertThat(OAuth1Signer.baseString("POST", uri, parameters)).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest"
                + "&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key"
                + "%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp"
                + "%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    @Test
    void shouldSignTheRfc5849Section12PhotosRequest() {
        URI uri = URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original");
        List<Map.Entry<String, String>> parameters = new ArrayList<>(OAuth1Signer.decodeForm(uri.getRawQuery()));
        parameters.addAll(List.of(Map.entry("oauth_consumer_key", "dpf43f3p2l4k3l03"), Map.entry("oauth_token", "nnch734d00sl2jdk"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "137131202"),
                Map.entry("oauth_nonce", "chapoH")));
        Credentials credentials = new Credentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00",
                "Photos", SignatureMethod.HMAC_SHA1);

        assertThat(OAuth1Signer.signature(OAuth1Signer.baseString("GET", uri, parameters), credentials))
                .isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://EXAMPLE.COM:80/r%20v/X?id=123, http://example.com/r%20v/X",
        "https://www.example.net:8080/?q=1, https://www.example.net:8080/",
        "HTTPS://Api.Example.com:443, https://api.example.com/",
        "http://example.com:443/a, http://example.com:443/a",
        "https://user@example.com/a/b#part, https://example.com/a/b",
        "http://[::1]:8080/x, http://[::1]:8080/x"})
    void shouldNormalizeTheBaseUri(String uri, String expected) {
        assertThat(OAuth1Signer.baseUri(URI.create(uri))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "abcXYZ019-._~ | abcXYZ019-._~",
        "' '           | %20",
        "+             | %2B",
        "*             | %2A",
        "/?#[]@!$&'()  | %2F%3F%23%5B%5D%40%21%24%26%27%28%29",
        ",;=%          | %2C%3B%3D%25",
        "é             | %C3%A9",
        "☃             | %E2%98%83"})
    void shouldPercentEncodeAllButUnreservedCharacters(String raw, String expected) {
        assertThat(OAuth1Signer.encode(raw)).isEqualTo(expected);
    }

    @Test
    void shouldReproduceTwittersPublishedSignature() {
        String header = twitterHeader(SignatureMethod.HMAC_SHA1, null);

        assertThat(header).startsWith("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", ")
                .contains("oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\"")
                .contains("oauth_signature_method=\"HMAC-SHA1\"", "oauth_timestamp=\"1318622958\"",
                        "oauth_nonce=\"" + TWITTER_NONCE + "\"", "oauth_version=\"1.0\"")
                .contains("oauth_signature=\"tnnArxj06cWHq44gCs1OSKk%2FjLY%3D\"")
                .doesNotContain("realm");
    }

    @Test
    void shouldBuildTwittersPublishedBaseString() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(OAuth1Signer.decodeForm(TWITTER_URI.getRawQuery()));
        parameters.addAll(OAuth1Signer.decodeForm(TWITTER_BODY));
        parameters.addAll(List.of(Map.entry("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"), Map.entry("oauth_nonce", TWITTER_NONCE),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "1318622958"),
                Map.entry("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"), Map.entry("oauth_version", "1.0")));

        assertThat(OAuth1Signer.baseString("POST", TWITTER_URI, parameters)).isEqualTo(TWITTER_BASE_STRING);
    }

    @Test
    void shouldSignWithHmacSha256OverTheSameBaseString() throws Exception {
        String baseString = TWITTER_BASE_STRING.replace("HMAC-SHA1", "HMAC-SHA256");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));

        String header = twitterHeader(SignatureMethod.HMAC_SHA256, null);

        assertThat(header).contains("oauth_signature_method=\"HMAC-SHA256\"")
                .contains("oauth_signature=\"" + OAuth1Signer.encode(expected) + "\"");
    }

    @Test
    void shouldSendThePlaintextKeyAsTheSignature() {
        assertThat(twitterHeader(SignatureMethod.PLAINTEXT, null)).contains("oauth_signature_method=\"PLAINTEXT\"")
                .contains("oauth_signature=\"kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw%26LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE\"");
    }

    @Test
    void shouldSendTheRealmWithoutSigningIt() {
        String header = twitterHeader(SignatureMethod.HMAC_SHA1, "1234567_SB1");

        assertThat(header).startsWith("OAuth realm=\"1234567_SB1\", oauth_consumer_key=")
                .contains("oauth_signature=\"tnnArxj06cWHq44gCs1OSKk%2FjLY%3D\"");
    }

    @Test
    void shouldNotSignABodyThatIsNotAForm() {
        OAuth1Signer signer = new OAuth1Signer(TWITTER_CLOCK, () -> TWITTER_NONCE);
        Credentials credentials = twitter(SignatureMethod.HMAC_SHA256, null);
        URI uri = URI.create("https://api.example.com/records");

        String json = signer.authorizationHeader(credentials, "POST", uri, "application/json", "{\"status\":\"a=b&c\"}");
        String none = signer.authorizationHeader(credentials, "POST", uri, null, null);
        String form = signer.authorizationHeader(credentials, "POST", uri, "Application/X-WWW-Form-Urlencoded; charset=UTF-8", "a=b");

        assertThat(json).isEqualTo(none);
        assertThat(form).isNotEqualTo(none);
    }

    @Test
    void shouldLeaveOutAnEmptyTokenForTwoLeggedRequests() {
        Credentials consumerOnly = new Credentials("key", "secret", "", "", "", SignatureMethod.HMAC_SHA256);

        String header = new OAuth1Signer(TWITTER_CLOCK, () -> "n").authorizationHeader(consumerOnly, "GET",
                URI.create("https://api.example.com/"), null, null);

        assertThat(header).startsWith("OAuth oauth_consumer_key=\"key\", oauth_signature_method").doesNotContain("oauth_token");
    }

    @Test
    void shouldUseAFreshNonceForEveryRequestByDefault() {
        OAuth1Signer signer = new OAuth1Signer(TWITTER_CLOCK);
        Credentials credentials = twitter(SignatureMethod.HMAC_SHA256, null);

        assertThat(signer.authorizationHeader(credentials, "GET", TWITTER_URI, null, null))
                .isNotEqualTo(signer.authorizationHeader(credentials, "GET", TWITTER_URI, null, null))
                .containsPattern("oauth_nonce=\"[0-9a-f]{32}\"");
    }

    @Test
    void shouldReadTheSignatureMethodNamesOfDefinitions() {
        assertThat(SignatureMethod.fromProtocolName("HMAC-SHA256")).isEqualTo(SignatureMethod.HMAC_SHA256);
        assertThat(SignatureMethod.fromProtocolName(" hmac-sha1 ")).isEqualTo(SignatureMethod.HMAC_SHA1);
        assertThat(SignatureMethod.fromProtocolName("plaintext")).isEqualTo(SignatureMethod.PLAINTEXT);
        assertThatIllegalArgumentException().isThrownBy(() -> SignatureMethod.fromProtocolName("RSA-SHA1"))
                .withMessage("Unknown OAuth 1 signature method `RSA-SHA1`; use HMAC-SHA256, HMAC-SHA1 or PLAINTEXT.");
    }

    @Test
    void shouldKeepSecretsOutOfTheCredentialsText() {
        assertThat(twitter(SignatureMethod.HMAC_SHA1, "r").toString())
                .doesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")
                .contains("xvz1evFS4wEEPTGEFPHBog", "********");
    }

    @Test
    void shouldRefuseAMalformedFormBodyWithoutQuotingIt() {
        OAuth1Signer signer = new OAuth1Signer(TWITTER_CLOCK, () -> "n");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.authorizationHeader(twitter(SignatureMethod.HMAC_SHA1, null), "POST",
                        URI.create("https://api.example.com/"), "application/x-www-form-urlencoded", "password=hunter2%zz"))
                .withMessageNotContaining("hunter2");
    }
}
