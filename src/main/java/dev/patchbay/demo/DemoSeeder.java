package dev.patchbay.demo;

import dev.patchbay.auth.AccountService;
import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.catalog.Installer;
import dev.patchbay.config.Redacted;
import dev.patchbay.connector.Connectors;
import dev.patchbay.config.PatchbayProperties;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * First start: a platform administrator key, a demo company with an administrator and an API key,
 * the sandbox, Shopify and generic REST API connectors installed from the marketplace, and one
 * instance of the sandbox that works offline. Generated secrets are printed once, to the console only (never
 * through the logger); configured ones are not repeated.
 */
@Component
@Order(10)
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final String DEFAULT_ADMIN_EMAIL = "admin@demo.patchbay.local";

    /** The shipped definitions the demo company gets installed. */
    static final java.util.List<String> DEMO_CONNECTORS = java.util.List.of("sandbox", "shopify", "rest_api");

    private final AccountService accounts;
    private final Installer installer;
    private final CatalogLookup catalog;
    private final Connectors connectors;
    private final PatchbayProperties properties;
    private final PatchbayProperties.Bootstrap bootstrap;
    private final PrintStream console;
    private final TransactionTemplate transactions;

    DemoSeeder(AccountService accounts, Installer installer, CatalogLookup catalog, Connectors connectors,
            PatchbayProperties properties, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.installer = installer;
        this.catalog = catalog;
        this.connectors = connectors;
        this.properties = properties;
        this.bootstrap = properties.bootstrap();
        this.console = System.out;
    }

    /** The accounts and installs, which succeed or fail together. */
    private record Seeded(String platformKey, String email, String password, AccountService.CreatedCompany demo,
            long sandboxAuthentication) {

        @Override
        public String toString() {
            return "Seeded[platformKey=" + Redacted.of(platformKey) + ", email=" + email + ", password=" + Redacted.of(password)
                    + ", demo=" + demo + "]";
        }
    }

    /**
     * Seeds in one transaction, then creates the demo instance after it: creating an instance checks
     * its credentials against the sandbox over HTTP, which must not hold a transaction open. Should
     * that check fail, the demo company is still there and the instance can be added by hand.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!bootstrap.enabled()) {
            return;
        }
        Seeded seeded = transactions.execute(status -> accounts.platformKeyExists() ? null : seed());
        if (seeded == null) {
            return;
        }
        try {
            connectors.create(seeded.demo().id(), "Sandbox (demo)", seeded.sandboxAuthentication(), "Europe/London",
                    "Y-m-d\\TH:i:sP", "minute", 60, java.util.Map.of("api_key", properties.sandbox().apiKey()));
        } catch (RuntimeException e) {
            log.warn("First start: the demo sandbox instance was not created ({}); add it from the marketplace",
                    e.getMessage());
        }
        print(seeded);
    }

    private Seeded seed() {
        String platformKey = accounts.createPlatformKey(given(bootstrap.platformApiKey()));
        String email = StringUtils.hasText(bootstrap.adminEmail()) ? bootstrap.adminEmail().trim() : DEFAULT_ADMIN_EMAIL;
        String password = StringUtils.hasText(bootstrap.adminPassword()) ? bootstrap.adminPassword() : randomPassword();
        AccountService.CreatedCompany demo = accounts.createCompany("Demo Company", email, password, given(bootstrap.apiKey()));
        long sandboxSystem = 0;
        for (String key : DEMO_CONNECTORS) {
            long systemId = installer.installLatest(demo.id(), key).systemId();
            sandboxSystem = "sandbox".equals(key) ? systemId : sandboxSystem;
        }
        long sandboxAuthentication = catalog.authenticationImplementationsOf(demo.id(), sandboxSystem).get(0).id();
        log.info("First start: created the platform administrator key and the demo company #{}", demo.id());
        return new Seeded(platformKey, email, password, demo, sandboxAuthentication);
    }

    private void print(Seeded seeded) {
        String platformKey = seeded.platformKey();
        String email = seeded.email();
        String password = seeded.password();
        AccountService.CreatedCompany demo = seeded.demo();
        console.println();
        console.println("==================== Patchbay first start ====================");
        console.println("Shown once. Store them now; only hashes are kept.");
        console.println("  Platform administrator API key: " + shown(platformKey, bootstrap.platformApiKey()));
        console.println("  Demo company administrator:     " + email);
        console.println("  Password:                       " + shown(password, bootstrap.adminPassword()));
        console.println("  Demo company API key:           " + shown(demo.apiKey(), bootstrap.apiKey()));
        console.println("Try: curl -H 'Authorization: <demo company API key>' http://localhost:8080/api/v1/connectors");
        console.println("==============================================================");
        console.println();
    }

    private static String given(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    private static String shown(String value, String configured) {
        return StringUtils.hasText(configured) ? "(as configured)" : value;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
