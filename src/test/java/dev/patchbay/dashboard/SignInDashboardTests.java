package dev.patchbay.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Sign in and out, the connectors list, read-only standard users, and the session's protections. */
class SignInDashboardTests extends BrowserTest {

    @Test
    void shouldSignInAndListConnectorsWithTheirInstances() throws Exception {
        TestData.Tenant tenant = data.company();
        long pool = data.pool(tenant, "Shared shop pool");
        data.shopifyConnector(tenant, "Main shop", Map.of("connection_pool_id", pool));

        signIn(tenant.adminEmail(), tenant.adminPassword());

        assertThat(heading()).isEqualTo("Connectors");
        String page = pageText();
        assertThat(page).contains("Shopify", "Patchbay Sandbox", "REST API", "Main shop", "Admin API access token",
                "40 per minute", "Shared shop pool", "Europe/London", "Passed");
        assertThat(browser.findElement(By.cssSelector("#connector-" + tenant.catalog().shopifySystemId() + " img.logo"))
                .getAttribute("src")).startsWith("https://cdn.shopify.com/");
        screenshot("connectors");

        field("Search connectors").sendKeys("shop\n");
        waitFor(By.cssSelector("main h1"));
        assertThat(pageText()).contains("Shopify").doesNotContain("Patchbay Sandbox");
        field("Search connectors").clear();
        field("Search connectors").sendKeys("nothing-like-this\n");
        waitFor(By.cssSelector(".empty"));
        assertThat(pageText()).contains("No installed connector matches");
    }

    @Test
    void shouldSayWhatToDoWhenNothingIsInstalled() {
        TestData.Tenant tenant = data.company();
        for (long system : new long[] {tenant.catalog().sandboxSystemId(), tenant.catalog().shopifySystemId(),
            tenant.catalog().restSystemId()}) {
            assertThat(api.delete("/api/v1/systems/" + system, tenant.apiKey()).status()).isEqualTo(200);
        }
        signIn(tenant.adminEmail(), tenant.adminPassword());

        assertThat(pageText()).contains("No connectors installed yet", "Install a connector from the marketplace");
        screenshot("connectors-empty");
    }

    @Test
    void shouldRefuseWrongCredentialsAndSignOut() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), "not-the-password");
        assertThat(heading()).isEqualTo("Sign in to Patchbay");
        assertThat(pageText()).contains("These credentials do not match our records.");
        screenshot("sign-in");

        signIn(tenant.adminEmail(), tenant.adminPassword());
        assertThat(heading()).isEqualTo("Connectors");
        button("Sign out").click();
        waitForHeading("Sign in to Patchbay");
        assertThat(pageText()).contains("You are signed out.");
        open("/connectors");
        waitForHeading("Sign in to Patchbay");
    }

    @Test
    void shouldKeepTheSessionInAProtectedCookie() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());

        Cookie session = browser.manage().getCookieNamed("PATCHBAY_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
    }

    @Test
    void shouldShowStandardUsersNoWriteControls() {
        TestData.Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Main shop");
        String email = standardUser(tenant);

        signIn(email, TestData.PASSWORD);

        assertThat(pageText()).contains("Main shop");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("(read-only)");
        assertThat(buttons("Add instance")).isEmpty();
        assertThat(buttons("Install a connector")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main form[method=post]"))).isEmpty();
        screenshot("connectors-read-only");

        for (String page : new String[] {"/instances/" + id, "/instances/" + id + "?tab=authentication",
            "/instances/" + id + "?tab=certificates", "/marketplace", "/pools"}) {
            open(page);
            assertThat(browser.findElements(By.cssSelector("main form[method=post] button:enabled")))
                    .as("write controls on " + page).isEmpty();
            assertThat(buttons("Test connection")).isEmpty();
        }
        open("/instances/" + id);
        assertThat(field("Instance name").isEnabled()).isFalse();
        assertThat(buttons("Remove instance")).isEmpty();
    }

    @Test
    void shouldRequireTheCsrfTokenOnEveryForm() throws Exception {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());
        String session = browser.manage().getCookieNamed("PATCHBAY_SESSION").getValue();
        long system = tenant.catalog().restSystemId();

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/connectors/" + system + "/uninstall")))
                .header("Cookie", "PATCHBAY_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("confirm=confirm")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/systems/" + system, tenant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void shouldLeaveTheApiStatelessAndCookieFree() {
        TestData.Tenant tenant = data.company();
        Response list = api.get("/api/v1/connectors", tenant.apiKey());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Set-Cookie")).isNull();
        assertThat(api.get("/api/v1/connectors", null).body()).isEqualTo("{\"message\":\"Unauthenticated.\"}");
    }

    private String standardUser(TestData.Tenant tenant) {
        String email = "standard-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        Response created = api.post("/api/v1/users", admin,
                Map.of("name", "A standard user", "email", email, "password", TestData.PASSWORD, "role", "standard"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }
}
