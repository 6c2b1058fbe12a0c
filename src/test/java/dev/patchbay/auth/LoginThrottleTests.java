package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The login throttle through the API and the dashboard, from many client addresses. The addresses
 * are simulated as a deployment behind a reverse proxy sees them: the test client connects from
 * loopback, which Tomcat trusts as a proxy with {@code server.forward-headers-strategy=native}, and
 * names the client in {@code X-Forwarded-For} (documentation addresses, a fresh /64 each, since IPv6
 * clients count per /64). Lower limits than the defaults keep the number of BCrypt checks down.
 */
@TestPropertySource(properties = {
    "server.forward-headers-strategy=native",
    "patchbay.auth.login-throttle.account-failures=" + LoginThrottleTests.ACCOUNT_FAILURES,
    "patchbay.auth.login-throttle.address-failures=" + LoginThrottleTests.ADDRESS_FAILURES,
    "patchbay.auth.login-throttle.max-tracked=" + LoginThrottleTests.MAX_TRACKED
})
class LoginThrottleTests extends ApiTest {

    static final int ACCOUNT_FAILURES = 10;
    static final int ADDRESS_FAILURES = 20;
    static final int MAX_TRACKED = 40;
    private static final long WINDOW_SECONDS = 15 * 60;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    private int port;

    @Test
    void shouldLetTheRightPasswordInFromAnotherAddressAfterManyFailuresForTheAccount() {
        Tenant tenant = data.company();
        String attacker = freshAddress();
        for (int attempt = 1; attempt <= ACCOUNT_FAILURES + 2; attempt++) {
            Response refused = login(attacker, tenant.adminEmail(), "guess-" + attempt);
            assertThat(refused.status()).as("attempt %d", attempt).isEqualTo(attempt <= ACCOUNT_FAILURES ? 401 : 429);
        }

        Response user = login(freshAddress(), tenant.adminEmail(), tenant.adminPassword());

        assertThat(user.status()).as("the real user is not locked out: " + user).isEqualTo(200);
        assertThat(user.at("/token").asString()).isNotBlank();
    }

    @Test
    void shouldThrottleOneAddressForOneAccountAfterItsFailures() {
        Tenant tenant = data.company();
        Tenant neighbour = data.company();
        String address = freshAddress();
        for (int attempt = 1; attempt <= ACCOUNT_FAILURES; attempt++) {
            assertThat(login(address, tenant.adminEmail(), "guess-" + attempt).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        assertThrottled(login(address, tenant.adminEmail().toUpperCase(), tenant.adminPassword()), "Too many login attempts.");
        assertThat(login(address, neighbour.adminEmail(), neighbour.adminPassword()).status())
                .as("the address itself is below its limit").isEqualTo(200);
        assertThat(login(freshAddress(), tenant.adminEmail(), tenant.adminPassword()).status())
                .as("the account from elsewhere").isEqualTo(200);
    }

    @Test
    void shouldThrottleAnAddressSprayingOnePasswordOverManyAccounts() {
        String sprayer = freshAddress();
        for (int account = 1; account <= ADDRESS_FAILURES; account++) {
            Response refused = login(sprayer, junkEmail(), "Summer2026!");
            assertThat(refused.status()).as("account %d", account).isEqualTo(401);
        }
        Tenant tenant = data.company();

        assertThrottled(login(sprayer, junkEmail(), "Summer2026!"), "Too many login attempts.");
        assertThrottled(login(sprayer, tenant.adminEmail(), tenant.adminPassword()), "Too many login attempts.");
        assertThat(login(freshAddress(), tenant.adminEmail(), tenant.adminPassword()).status()).isEqualTo(200);
    }

    @Test
    void shouldNotCountSuccessfulLogins() {
        Tenant tenant = data.company();
        String address = freshAddress();
        login(address, tenant.adminEmail(), "one-typo");
        for (int attempt = 1; attempt <= ADDRESS_FAILURES + 2; attempt++) {
            assertThat(login(address, tenant.adminEmail(), tenant.adminPassword()).status()).as("login %d", attempt).isEqualTo(200);
        }
    }

    @Test
    void shouldKeepBlocksWhenJunkFromManyAddressesFillsTheCounters() {
        Tenant victim = data.company();
        String guesser = freshAddress();
        for (int attempt = 1; attempt <= ACCOUNT_FAILURES; attempt++) {
            login(guesser, victim.adminEmail(), "guess-" + attempt);
        }
        String sprayer = freshAddress();
        for (int account = 1; account <= ADDRESS_FAILURES; account++) {
            login(sprayer, junkEmail(), "Summer2026!");
        }
        assertThrottled(login(sprayer, junkEmail(), "Summer2026!"), "Too many login attempts.");

        for (int junk = 1; junk <= 2 * MAX_TRACKED; junk++) {
            assertThat(login(freshAddress(), junkEmail(), "junk").status()).as("junk %d", junk).isEqualTo(401);
        }

        assertThrottled(login(guesser, victim.adminEmail(), victim.adminPassword()), "Too many login attempts.");
        assertThrottled(login(sprayer, victim.adminEmail(), victim.adminPassword()), "Too many login attempts.");
    }

    @Test
    void shouldGiveTheDashboardSignInTheSameThrottle() throws Exception {
        Tenant tenant = data.company();
        String attacker = freshAddress();
        for (int attempt = 1; attempt <= ACCOUNT_FAILURES; attempt++) {
            assertThat(new Browser(attacker).signIn(tenant.adminEmail(), "guess-" + attempt)).as("attempt %d", attempt)
                    .endsWith("/?error");
        }

        assertThrottled(login(attacker, tenant.adminEmail(), tenant.adminPassword()), "Too many login attempts.");
        Browser throttled = new Browser(attacker);
        assertThat(throttled.signIn(tenant.adminEmail(), tenant.adminPassword())).endsWith("/?error");
        assertThat(throttled.get("/?error")).contains("Too many sign-in attempts. Please try again in");
        assertThat(new Browser(freshAddress()).signIn(tenant.adminEmail(), tenant.adminPassword()))
                .as("the real user, from elsewhere").endsWith("/connectors");
    }

    private Response login(String address, String email, String password) {
        return api.send("POST", "/fabric/api/login", null, Map.of("username", email, "password", password),
                Map.of("X-Forwarded-For", address));
    }

    private static void assertThrottled(Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, WINDOW_SECONDS);
        assertThat(response.at("/message").asString()).startsWith(message);
        assertThat(response.json().has("token")).isFalse();
    }

    /** A fresh client: its own /64 in the IPv6 documentation range. */
    private static String freshAddress() {
        return "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + "::7";
    }

    private static String junkEmail() {
        return "nobody-" + UUID.randomUUID() + "@example.test";
    }

    /** The dashboard's sign-in form as a browser at {@code address} sends it: session cookie and CSRF token included. */
    private final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern SESSION = Pattern.compile("PATCHBAY_SESSION=([^;]+)");

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String address;
        private String session = "";

        Browser(String address) {
            this.address = address;
        }

        /** Sends the form; answers where the dashboard redirects to. */
        String signIn(String email, String password) throws IOException, InterruptedException {
            Matcher csrf = CSRF.matcher(get("/"));
            assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
            String form = "email=" + encoded(email) + "&password=" + encoded(password) + "&_csrf=" + encoded(csrf.group(1));
            HttpResponse<String> posted = send(request("/").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
            return posted.headers().firstValue("Location").orElseThrow();
        }

        String get(String path) throws IOException, InterruptedException {
            return send(request(path).GET()).body();
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", address);
            return session.isEmpty() ? request : request.header("Cookie", "PATCHBAY_SESSION=" + session);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // The cookie is Secure, which the JDK's cookie handler keeps off plain http: carried by hand.
            response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                    .forEach(cookie -> session = cookie.group(1));
            return response;
        }

        private static String encoded(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
