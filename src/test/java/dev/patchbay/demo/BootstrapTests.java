package dev.patchbay.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The accounts a first start creates from configured bootstrap values (see {@link ApiTest}'s properties). */
class BootstrapTests extends ApiTest {

    @Autowired
    private DemoSeeder seeder;

    @Test
    void shouldLetConfiguredAdministratorLogInAsAdministratorOfTheDemoCompany() {
        Response login = api.post("/fabric/api/login", null, Map.of("username", DEMO_ADMIN_EMAIL, "password", DEMO_ADMIN_PASSWORD));

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String admin = Api.bearer(login.at("/token").asString());
        Response users = api.get("/api/v1/users", admin);
        assertThat(users.status()).as("administrators may list users: " + users).isEqualTo(200);
        assertThat(users.at("/data").valueStream().filter(u -> u.get("email").asString().equals(DEMO_ADMIN_EMAIL)))
                .singleElement()
                .satisfies(user -> assertThat(user.get("role").asString()).isEqualTo("administrator"));
        assertThat(api.get("/api/v1/connectors", admin).status()).isEqualTo(200);
        assertThat(data.jdbc().sql("SELECT c.name FROM companies c JOIN users u ON u.company_id = c.id WHERE u.email = :e")
                .param("e", DEMO_ADMIN_EMAIL).query(String.class).single()).isEqualTo("Demo Company");
    }

    @Test
    void shouldRefuseConfiguredAdministratorWithAnotherPassword() {
        Response login = api.post("/fabric/api/login", null, Map.of("username", DEMO_ADMIN_EMAIL, "password", "demo-admin-passwort"));

        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void shouldLetConfiguredDemoApiKeyListTheDemoCompanysConnectors() {
        Response list = api.get("/api/v1/connectors", DEMO_API_KEY);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.at("/data").isArray()).isTrue();
        assertThat(list.at("/meta/current_page").asInt()).isEqualTo(1);
        String admin = Api.bearer(data.login(DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD));
        Response keys = api.get("/api/v1/api-keys", admin);
        assertThat(keys.at("/data").valueStream().map(k -> k.get("prefix").asString()))
                .as("the configured key is the demo company's")
                .contains(DEMO_API_KEY.substring(0, 8));
    }

    @Test
    void shouldInstallTheDemoCatalogIntoTheDemoCompany() {
        long demo = demoCompanyId();

        List<String> systems = data.jdbc().sql("SELECT canonical_key FROM systems WHERE company_id = :c ORDER BY canonical_key")
                .param("c", demo).query(String.class).list();

        assertThat(systems).containsExactly("rest_api", "sandbox", "shopify");
    }

    @Test
    void shouldLetDemoApiKeyCreateConnectorFromTheInstalledCatalog() {
        long demo = demoCompanyId();
        // the sandbox: the one installed system whose credential check can pass without internet access
        long sandboxAuth = data.jdbc().sql("SELECT ai.id FROM authentication_implementations ai JOIN systems s ON s.id = ai.system_id "
                        + "WHERE s.company_id = :c AND s.canonical_key = 'sandbox' ORDER BY ai.id LIMIT 1")
                .param("c", demo).query(Long.class).single();
        Map<String, Object> body = new HashMap<>(Map.of(
                "name", "Demo sandbox " + UUID.randomUUID(),
                "authentication_implementation_id", sandboxAuth,
                "timezone", "UTC",
                "date_format", "Y-m-d H:i:s",
                "rate_limit_unit", "second",
                "rate_limit_duration", 2,
                "variables", List.of(Map.of("key", "api_key", "value", "sandbox-demo-key", "label", "API key", "secret", true))));

        Response created = api.post("/api/v1/connectors", DEMO_API_KEY, body);
        try {
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            assertThat(created.at("/data/system/canonical_key").asString()).isEqualTo("sandbox");
            long id = created.at("/data/id").asLong();
            Response filtered = api.get("/api/v1/connectors?filter%5Bcanonical_key%5D=sandbox&per_page=100", DEMO_API_KEY);
            assertThat(filtered.at("/data").valueStream().map(c -> c.get("id").asLong())).contains(id);
        } finally {
            if (created.status() == 200) {
                assertThat(api.delete("/api/v1/connectors/" + created.at("/data/id").asLong(), DEMO_API_KEY).status())
                        .as("leave the demo company as found").isEqualTo(200);
            }
        }
    }

    @Test
    void shouldLetConfiguredPlatformKeyCreateCompaniesOnly() {
        Response created = api.post("/api/v1/companies", PLATFORM_API_KEY, Map.of("name", "Bootstrapped customer",
                "admin", Map.of("email", "bootstrap-" + UUID.randomUUID() + "@example.test", "password", "long-enough-password")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/connectors", created.at("/data/api_key").asString()).status()).isEqualTo(200);
        Response connectors = api.get("/api/v1/connectors", PLATFORM_API_KEY);
        assertThat(connectors.status()).isEqualTo(403);
        assertThat(connectors.body()).isEqualTo("{\"message\":\"This action is unauthorized.\"}");
    }

    @Test
    void shouldStoreConfiguredSecretsOnlyAsHashes() throws Exception {
        for (String key : List.of(DEMO_API_KEY, PLATFORM_API_KEY)) {
            assertThat(data.jdbc().sql("SELECT count(*) FROM api_keys WHERE strpos(row_to_json(api_keys)::text, :raw) > 0")
                    .param("raw", key).query(Long.class).single()).as("raw key stored").isZero();
            assertThat(data.jdbc().sql("SELECT count(*) FROM api_keys WHERE key_hash = :h AND revoked_at IS NULL")
                    .param("h", sha256(key)).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(data.jdbc().sql("SELECT platform FROM api_keys WHERE key_hash = :h").param("h", sha256(PLATFORM_API_KEY))
                .query(Boolean.class).single()).isTrue();
        String hash = data.jdbc().sql("SELECT password_hash FROM users WHERE email = :e").param("e", DEMO_ADMIN_EMAIL)
                .query(String.class).single();
        assertThat(hash).doesNotContain(DEMO_ADMIN_PASSWORD);
    }

    @Test
    void shouldNotSeedAgainWhenStartedWithExistingData() {
        long companies = count("companies");
        long users = count("users");
        long keys = count("api_keys");
        long systems = count("systems");

        seeder.run(new DefaultApplicationArguments());

        assertThat(count("companies")).isEqualTo(companies);
        assertThat(count("users")).isEqualTo(users);
        assertThat(count("api_keys")).isEqualTo(keys);
        assertThat(count("systems")).isEqualTo(systems);
        assertThat(data.jdbc().sql("SELECT count(*) FROM users WHERE email = :e").param("e", DEMO_ADMIN_EMAIL)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long demoCompanyId() {
        return data.jdbc().sql("SELECT company_id FROM users WHERE email = :e").param("e", DEMO_ADMIN_EMAIL)
                .query(Long.class).single();
    }

    private long count(String table) {
        return data.jdbc().sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
