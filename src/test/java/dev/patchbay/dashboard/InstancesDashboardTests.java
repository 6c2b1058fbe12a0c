package dev.patchbay.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.FakeSystems;
import dev.patchbay.support.TestCertificates;
import dev.patchbay.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The daily path of an operations team in a real browser: install a connector, add an instance
 * through the wizard (a refused credential check first), edit it, test its connection, give it a
 * certificate, and remove it once no process flow uses it. The Shopify look-alike on loopback
 * ({@link FakeSystems}) accepts tokens starting with {@code shpat_}.
 */
class InstancesDashboardTests extends BrowserTest {

    @Test
    void shouldInstallAConnectorFromTheMarketplace() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());

        // Other tests import definitions into the shared marketplace: each card is found by its definition's key.
        open("/marketplace");
        field("Search definitions").sendKeys("stripe\n");
        waitFor(By.cssSelector("main h1"));
        assertThat(pageText()).contains("Stripe").doesNotContain("Zendesk");
        screenshot("marketplace");
        card("stripe").findElement(By.xpath(".//button[normalize-space(.)='Install']")).click();

        waitForHeading("Connectors");
        assertThat(pageText()).contains("Installed version", "Stripe");
        open("/marketplace?q=stripe");
        assertThat(card("stripe").getText()).contains("Installed");
        assertThat(card("stripe").findElements(By.xpath(".//button[normalize-space(.)='Install']"))).isEmpty();
        assertThat(card("stripe").findElements(By.xpath(".//button[normalize-space(.)='Install alongside']"))).hasSize(1);

        // The test catalog's sandbox is an older version of the bundled definition: upgrade it in place.
        open("/marketplace?q=sandbox");
        card("sandbox").findElement(By.xpath(".//button[normalize-space(.)='Upgrade']")).click();
        waitForHeading("Connectors");
        assertThat(pageText()).contains("Upgraded to version");
        assertThat(api.get("/api/v1/systems/" + tenant.catalog().sandboxSystemId(), tenant.apiKey()).status()).isEqualTo(200);
    }

    private WebElement card(String definitionKey) {
        return browser.findElement(By.cssSelector("section[id^='definition-" + definitionKey + "-']"));
    }

    @Test
    void shouldKeepTheWizardOnCredentialsUntilTheCheckPassesThenCreate() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());
        open("/connectors/" + tenant.catalog().shopifySystemId() + "/instances/new");

        assertThat(heading()).isEqualTo("Add an instance of Shopify");
        field("Instance name").sendKeys("UK store");
        button("Next").click();
        waitFor(By.id("timezone"));
        assertThat(field("Rate limit (requests)").getAttribute("value")).isEqualTo("2");
        assertThat(new Select(field("Per")).getFirstSelectedOption().getText()).isEqualTo("second");
        new Select(field("Time zone")).selectByValue("Europe/London");
        WebElement format = field("Date format");
        format.clear();
        format.sendKeys("Y-m-d");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textMatches(By.id("date_format_example"),
                        java.util.regex.Pattern.compile("^Now: \\d{4}-\\d{2}-\\d{2}$")));
        screenshot("wizard-settings");
        button("Next").click();

        // One authentication method: its step is skipped.
        waitFor(By.id("var-shop"));
        assertThat(browser.findElement(By.cssSelector("[aria-current=step]")).getText()).isEqualTo("Credentials");
        assertThat(field("Admin API access token (required)").getAttribute("type")).isEqualTo("password");
        field("Shop name (the part before .myshopify.com) (required)").sendKeys("acme");
        field("Admin API access token (required)").sendKeys("not-a-valid-token");
        button("Check and create").click();

        waitFor(By.cssSelector("[role=alert]"));
        assertThat(pageText()).contains("The system answered 401 Unauthorized; expected 200 OK.");
        assertThat(field("Shop name (the part before .myshopify.com) (required)").getAttribute("value")).isEqualTo("acme");
        assertThat(field("Admin API access token (required)").getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("not-a-valid-token");
        assertThat(browser.findElement(By.id("check-response")).getText()).contains("401", "Invalid API key");
        browser.findElement(By.id("check-request-tab")).click();
        assertThat(browser.findElement(By.id("check-request")).getText()).contains("GET", "/shop.json", "X-Shopify-Access-Token");
        screenshot("wizard-check-failed");
        assertThat(data.jdbc().sql("SELECT count(*) FROM connectors WHERE company_id = :c").param("c", tenant.id())
                .query(Long.class).single()).isZero();

        field("Admin API access token (required)").sendKeys(FakeSystems.VALID_TOKEN_PREFIX + "valid");
        button("Check and create").click();

        waitForHeading("UK store");
        assertThat(pageText()).contains("Instance UK store created: its credentials work.");
        assertThat(field("Time zone").getAttribute("value")).isEqualTo("Europe/London");
        assertThat(field("Date format").getAttribute("value")).isEqualTo("Y-m-d");
        screenshot("instance-details");
    }

    @Test
    void shouldAskForTheMethodWhenThereAreSeveralAndShowTheApisErrorsNextToTheFields() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());
        open("/connectors/" + tenant.catalog().restSystemId() + "/instances/new");
        field("Instance name").sendKeys("Internal API");
        button("Next").click();
        waitFor(By.id("timezone"));
        button("Next").click();

        waitFor(By.id("method-" + tenant.catalog().restNoAuthId()));
        assertThat(browser.findElement(By.cssSelector("[aria-current=step]")).getText()).isEqualTo("Authentication method");
        assertThat(browser.findElement(By.id("method-" + tenant.catalog().restBasicAuthId())).isSelected()).isTrue();
        browser.findElement(By.id("method-" + tenant.catalog().restNoAuthId())).click();
        button("Next").click();

        waitFor(By.id("var-base_url"));
        assertThat(browser.findElements(By.id("var-password"))).isEmpty();
        button("Check and create").click();

        waitFor(By.id("var-base_url-error"));
        assertThat(browser.findElement(By.id("var-base_url-error")).getText()).isEqualTo("The Base URL value is required.");
        assertThat(browser.findElement(By.cssSelector("input[type=hidden][name=name]")).getAttribute("value"))
                .isEqualTo("Internal API");
    }

    @Test
    void shouldWalkTheWizardByKeyboardAlone() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());
        open("/connectors/" + tenant.catalog().sandboxSystemId() + "/instances/new");

        keys("Keyboard sandbox", Keys.ENTER);
        waitFor(By.id("timezone"));
        tabTo("Next");
        keys(Keys.ENTER);
        waitFor(By.id("var-api_key"));
        tabTo("API key (required)");
        keys("sandbox-demo-key");
        tabTo("Check and create");
        keys(Keys.ENTER);

        waitForHeading("Keyboard sandbox");
        assertThat(pageText()).contains("credentials work");
    }

    @Test
    void shouldEditSettingsTestTheConnectionAndUploadACertificate() throws Exception {
        TestData.Tenant tenant = data.company();
        long pool = data.pool(tenant, "Shop pool");
        long id = data.shopifyConnector(tenant, "Main shop", java.util.Map.of("connection_pool_id", pool));
        signIn(tenant.adminEmail(), tenant.adminPassword());
        open("/instances/" + id);

        assertThat(pageText()).contains("Live usage", "Budget left");
        WebElement name = field("Instance name");
        name.clear();
        name.sendKeys("Main shop (EU)");
        WebElement amount = field("Rate limit (requests)");
        amount.clear();
        amount.sendKeys("0");
        button("Save settings").click();
        waitFor(By.cssSelector(".field-error"));
        assertThat(browser.findElement(By.cssSelector(".field-error .error")).getText()).contains("at least 1");
        amount = field("Rate limit (requests)");
        amount.clear();
        amount.sendKeys("10");
        button("Save settings").click();
        waitForHeading("Main shop (EU)");
        assertThat(pageText()).contains("Settings saved.");
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).at("/data/rate_limit_duration").asInt()).isEqualTo(10);

        browser.findElement(By.cssSelector("button[aria-label='Remove the pool']")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(pageText()).contains("The pool was removed.");
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).at("/data/connection_pool_id").isNull()).isTrue();

        open("/instances/" + id + "?tab=authentication");
        WebElement token = browser.findElement(By.id("var-access_token"));
        assertThat(token.getAttribute("type")).isEqualTo("password");
        assertThat(token.getAttribute("value")).isEmpty();
        assertThat(token.getAttribute("placeholder")).isEqualTo("******** (unchanged)");
        assertThat(browser.findElement(By.cssSelector("label[for=var-access_token]")).getText()).isEqualTo("Token (required)");
        button("Test connection").click();
        waitFor(By.id("check-response"));
        assertThat(pageText()).contains("The credentials work: the system answered 200 OK.");
        assertThat(browser.findElement(By.id("check-response")).getText()).contains("200", "Acme");
        browser.findElement(By.id("check-request-tab")).click();
        assertThat(browser.findElement(By.id("check-request")).getText()).contains("X-Shopify-Access-Token").doesNotContain("shpat_");
        screenshot("instance-authentication");

        open("/instances/" + id + "?tab=certificates");
        Path pem = Files.createTempFile("client", ".pem");
        Files.writeString(pem, TestCertificates.generate("dashboard.example.test").pem());
        field("Certificate file (PEM with its private key, or PKCS#12)").sendKeys(pem.toString());
        button("Upload certificate").click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(pageText()).contains("Certificate uploaded.", "dashboard.example.test", "Replace the certificate");
        screenshot("instance-certificates");
    }

    @Test
    void shouldRefuseToRemoveAnInstanceWhileAProcessFlowUsesIt() {
        TestData.Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Busy shop");
        long flow = data.processFlowUsing(tenant, id, "Nightly orders", true);
        signIn(tenant.adminEmail(), tenant.adminPassword());
        open("/instances/" + id);

        assertThat(button("Remove instance").isEnabled()).isFalse();
        field("Type confirm to remove Busy shop").sendKeys("confirm");
        button("Remove instance").click();

        waitFor(By.cssSelector("[role=alert]"));
        assertThat(pageText()).contains("The connector is used by 1 process flow and cannot be deleted");
        WebElement link = browser.findElement(By.linkText("Nightly orders (#" + flow + ", enabled)"));
        screenshot("instance-remove-refused");
        link.click();
        waitFor(By.id("flow-" + flow));
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/process-flows/" + flow, tenant.apiKey()).status()).isEqualTo(200);
        open("/instances/" + id);
        field("Type confirm to remove Busy shop").sendKeys("confirm");
        button("Remove instance").click();
        waitForHeading("Connectors");
        assertThat(pageText()).contains("Instance Busy shop was removed.");
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void shouldShowAnotherCompanysInstanceAsNotFound() {
        TestData.Tenant other = data.company();
        long theirs = data.shopifyConnector(other, "Not yours");
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());

        open("/instances/" + theirs);

        assertThat(heading()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("Not yours");
        screenshot("not-found");
    }

    @Test
    void shouldManageConnectionPools() {
        TestData.Tenant tenant = data.company();
        signIn(tenant.adminEmail(), tenant.adminPassword());
        open("/pools");
        assertThat(pageText()).contains("No connection pools yet.");

        field("Pool name").sendKeys("Busy systems");
        field("Requests at once").sendKeys("0");
        button("Create pool").click();
        waitFor(By.cssSelector(".field-error"));
        assertThat(browser.findElement(By.cssSelector(".field-error .error")).getText()).contains("at least 1");
        WebElement limit = browser.findElement(By.id("new-pool-limit"));
        limit.clear();
        limit.sendKeys("3");
        button("Create pool").click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(pageText()).contains("Pool Busy systems created.", "3 at once", "0 in flight");

        long pool = api.get("/api/v1/connection-pools", tenant.apiKey()).at("/data/0/id").asLong();
        data.shopifyConnector(tenant, "Pooled shop", java.util.Map.of("connection_pool_id", pool));
        open("/pools");
        assertThat(pageText()).contains("Pooled shop");
        screenshot("pools");
        browser.findElement(By.xpath("//summary[normalize-space(.)='Edit Busy systems']")).click();
        browser.findElement(By.cssSelector("button[aria-label='Delete Busy systems']")).click();
        waitFor(By.cssSelector("[role=alert]"));
        assertThat(pageText()).contains("The connection pool is used by 1 connector and cannot be deleted");
    }

    /** Typed into whatever has the focus, as a person at the keyboard would. */
    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is labelled (or reads) {@code text}; fails after 60 presses. */
    private WebElement tabTo(String text) {
        for (int i = 0; i < 60; i++) {
            WebElement active = focused();
            String id = active.getAttribute("id");
            String label = id == null || id.isEmpty() ? "" : browser.findElements(By.cssSelector("label[for='" + id + "']")).stream()
                    .map(WebElement::getText).findFirst().orElse("");
            if (text.equals(active.getText().trim()) || text.equals(label.trim())) {
                return active;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Could not reach " + text + " with the Tab key");
    }
}
