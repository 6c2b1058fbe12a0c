package dev.patchbay.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.patchbay.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the dashboard's end-to-end tests: the whole app (as {@link ApiTest}) driven by a real
 * headless Chromium at a 1280x800 window, through Debian's {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them). A machine without them fails the tests with that message: a
 * browser test that skips would let a broken dashboard pass. One browser per test class; each test
 * starts signed out.
 *
 * <p>The app is opened at {@code http://localhost}: browsers keep a {@code Secure} cookie over plain
 * http only for localhost, and the session cookie is Secure.
 */
abstract class BrowserTest extends ApiTest {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /** Screenshots of each page are test artefacts here; {@code -Dscreenshots.dir=docs/screenshots} refreshes the README's. */
    private static final Path ARTEFACTS = Path.of("target", "screenshots");

    protected static ChromeDriver browser;

    @LocalServerPort
    private int localPort;

    @BeforeAll
    static void startBrowser() {
        String binary = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        String driver = DRIVERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (binary == null || driver == null) {
            fail("No headless browser for the dashboard tests: Chromium (" + String.join(", ", BROWSERS) + ") and its driver ("
                    + String.join(", ", DRIVERS) + ") were not found. Install them with `apt-get install chromium chromium-driver` "
                    + "(.ci/run does this on a bare machine).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void signedOut() {
        open("/dashboard/dashboard.css");
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://localhost:" + localPort + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected void signIn(String email, String password) {
        open("/");
        field("E-mail").sendKeys(email);
        field("Password").sendKeys(password);
        button("Sign in").click();
        waitFor(By.cssSelector("main h1"));
    }

    /** The form field whose label says {@code label}: fields are found as a person (or a screen reader) finds them. */
    protected WebElement field(String label) {
        WebElement element = browser.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return browser.findElement(By.id(element.getAttribute("for")));
    }

    protected WebElement button(String text) {
        return browser.findElement(By.xpath("//button[normalize-space(.)='" + text + "'] | //a[normalize-space(.)='" + text + "']"));
    }

    protected List<WebElement> buttons(String text) {
        return browser.findElements(By.xpath("//button[normalize-space(.)='" + text + "'] | //a[normalize-space(.)='" + text + "']"));
    }

    protected String heading() {
        return browser.findElement(By.cssSelector("main h1")).getText();
    }

    protected String pageText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    protected void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    /** Saves the page as seen, as {@code target/screenshots/<name>.png} (and in {@code -Dscreenshots.dir} when given). */
    protected void screenshot(String name) {
        try {
            Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(ARTEFACTS);
            Files.copy(png, ARTEFACTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty("screenshots.dir");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Files.copy(png, Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    protected void assertNoServerError() {
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel").doesNotContain("\"message\"");
    }
}
