package dev.patchbay.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.auth.AccountService;
import dev.patchbay.catalog.DemoCatalog;
import dev.patchbay.pool.ConnectionPools;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds what tests need: companies (through the same service as the platform API) with the demo
 * catalog installed, users and tokens (through the API), connectors (through the API), and the rows
 * whose APIs come in later issues (process flows, certificates) through SQL.
 */
@TestComponent
public class TestData {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final TestCertificates.Generated CLIENT_CERTIFICATE = TestCertificates.generate("client.example.test");

    /** A company with its administrator's credentials, its API key and its installed demo catalog. */
    public record Tenant(long id, String apiKey, String adminEmail, String adminPassword, DemoCatalog.Installed catalog) {}

    private final AccountService accounts;
    private final DemoCatalog catalog;
    private final ConnectionPools pools;
    private final JdbcClient jdbc;
    private Api api;

    TestData(AccountService accounts, DemoCatalog catalog, ConnectionPools pools, JdbcClient jdbc) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.pools = pools;
        this.jdbc = jdbc;
    }

    void useApi(Api api) {
        this.api = api;
    }

    public Tenant company() {
        String unique = SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + unique + "@example.test";
        AccountService.CreatedCompany created = accounts.createCompany("Company " + unique, email, PASSWORD, null);
        return new Tenant(created.id(), created.apiKey(), email, PASSWORD, catalog.installInto(created.id()));
    }

    /** Logs in through {@code POST /fabric/api/login} and returns the token. */
    public String login(String email, String password) {
        Response response = api.post("/fabric/api/login", null, Map.of("username", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("token").asString();
    }

    /** A new user of the tenant with this role (created by its administrator through the API); returns a bearer header. */
    public String userWithRole(Tenant tenant, String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String admin = Api.bearer(login(tenant.adminEmail(), tenant.adminPassword()));
        Response created = api.post("/api/v1/users", admin,
                Map.of("name", "A " + role, "email", email, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Api.bearer(login(email, PASSWORD));
    }

    /** A read-only API key of the tenant, created by its administrator through the API; returns the raw key. */
    public String readOnlyApiKey(Tenant tenant) {
        String admin = Api.bearer(login(tenant.adminEmail(), tenant.adminPassword()));
        Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "Read only", "read_only", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/key").asString();
    }

    /** A Shopify connector of the tenant, created through the API; returns its id. */
    public long shopifyConnector(Tenant tenant, String name) {
        return shopifyConnector(tenant, name, Map.of());
    }

    public long shopifyConnector(Tenant tenant, String name, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(shopifyBody(tenant, name));
        body.putAll(extra);
        Response response = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().at("/data/id").asLong();
    }

    /** A valid create body for the tenant's Shopify authentication implementation. */
    public Map<String, Object> shopifyBody(Tenant tenant, String name) {
        return Map.of(
                "name", name,
                "authentication_implementation_id", tenant.catalog().shopifyTokenAuthId(),
                "timezone", "Europe/London",
                "date_format", "Y-m-d H:i:s",
                "rate_limit_unit", "minute",
                "rate_limit_duration", 40,
                "variables", List.of(
                        Map.of("key", "shop", "value", "acme", "label", "Shop"),
                        Map.of("key", "access_token", "value", "shpat_" + UUID.randomUUID(), "label", "Token",
                                "secret", true)));
    }

    public long pool(Tenant tenant, String name) {
        return pools.create(tenant.id(), name, 5, 30);
    }

    /** A process flow with one connector step using the connector. */
    public long processFlowUsing(Tenant tenant, long connectorId, String name, boolean enabled) {
        long flow = jdbc.sql("INSERT INTO process_flows (company_id, name, enabled) VALUES (:c, :n, :e) RETURNING id")
                .param("c", tenant.id()).param("n", name).param("e", enabled).query(Long.class).single();
        jdbc.sql("INSERT INTO process_flow_steps (company_id, process_flow_id, connector_id) VALUES (:company, :f, :c)")
                .param("company", tenant.id()).param("f", flow).param("c", connectorId).update();
        return flow;
    }

    /**
     * A certificate the tenant's administrator uploaded through the API: a real key pair, so a
     * connector can present it.
     */
    public long certificate(Tenant tenant, String name) {
        String admin = Api.bearer(login(tenant.adminEmail(), tenant.adminPassword()));
        Response response = api.post("/api/v1/certificates", admin,
                Map.of("name", name, "certificate", CLIENT_CERTIFICATE.pem()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().at("/data/id").asLong();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
