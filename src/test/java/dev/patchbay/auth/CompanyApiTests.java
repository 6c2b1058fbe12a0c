package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData;
import dev.patchbay.support.TestData.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompanyApiTests extends ApiTest {

    private static final String UNAUTHENTICATED = "{\"message\":\"Unauthenticated.\"}";
    private static final String FORBIDDEN = "{\"message\":\"This action is unauthorized.\"}";

    @Test
    void shouldCreateCompanyWithAdministratorAndApiKeyThatWork() {
        String name = "Acme " + UUID.randomUUID();
        String email = uniqueEmail();

        Response created = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody(name, email, "s3cret-password"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.at("/data/id").asLong();
        assertThat(id).isPositive();
        assertThat(created.at("/data/name").asString()).isEqualTo(name);
        assertThat(created.at("/data/admin/email").asString()).isEqualTo(email);
        assertThat(created.at("/data/admin/role").asString()).isEqualTo("administrator");
        assertThat(created.at("/data/admin").has("password")).isFalse();
        assertThat(created.at("/data/admin").has("password_hash")).isFalse();
        assertThat(created.body()).doesNotContain("s3cret-password");
        String apiKey = created.at("/data/api_key").asString();
        assertThat(apiKey).isNotBlank();

        Response connectors = api.get("/api/v1/connectors", apiKey);
        assertThat(connectors.status()).as(connectors.toString()).isEqualTo(200);
        assertThat(connectors.at("/meta/total").asLong()).as("a new company has no connectors").isZero();

        String admin = Api.bearer(data.login(email, "s3cret-password"));
        Response users = api.get("/api/v1/users", admin);
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(users.at("/data")).hasSize(1);
        assertThat(users.at("/data/0/email").asString()).isEqualTo(email);
        assertThat(data.jdbc().sql("SELECT company_id FROM users WHERE email = :e").param("e", email).query(Long.class).single())
                .isEqualTo(id);
        Response keys = api.get("/api/v1/api-keys", admin);
        assertThat(keys.at("/data")).as("the company's first key").hasSize(1);
        assertThat(keys.body()).doesNotContain(apiKey);
    }

    @Test
    void shouldKeepNewCompanySeparateFromExistingOnes() {
        Tenant existing = data.company();
        data.shopifyConnector(existing, "Existing company's connector");

        Response created = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody("Fresh", uniqueEmail(), TestData.PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/id").asLong()).isNotEqualTo(existing.id());
        Response connectors = api.get("/api/v1/connectors", created.at("/data/api_key").asString());
        assertThat(connectors.at("/data")).isEmpty();
    }

    @Test
    void shouldReturn422NamingEveryMissingField() {
        Response empty = api.post("/api/v1/companies", PLATFORM_API_KEY, Map.of());

        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.at("/errors").propertyNames()).contains("name", "admin");
        assertThat(empty.at("/message").asString()).contains("(and 1 more error)");

        Response emptyAdmin = api.post("/api/v1/companies", PLATFORM_API_KEY, Map.of("name", "No admin", "admin", Map.of()));
        assertThat(emptyAdmin.status()).as(emptyAdmin.toString()).isEqualTo(422);
        assertThat(emptyAdmin.at("/errors").propertyNames()).contains("admin.email", "admin.password");
        assertThat(emptyAdmin.at("/errors").has("name")).isFalse();
    }

    @Test
    void shouldReturn422ForInvalidAdminEmail() {
        Response response = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody("Bad email", "not-an-email", TestData.PASSWORD));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").propertyNames()).containsExactly("admin.email");
        assertThat(response.at("/errors/admin.email/0").asString()).isNotBlank();
    }

    @Test
    void shouldReturn422WhenAdminPasswordIsShorterThan8Characters() {
        String email = uniqueEmail();

        Response seven = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody("Short password", email, "1234567"));
        Response eight = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody("Eight", email, "12345678"));

        assertThat(seven.status()).as(seven.toString()).isEqualTo(422);
        assertThat(seven.at("/errors").propertyNames()).containsExactly("admin.password");
        assertThat(eight.status()).as("8 characters are enough: " + eight).isEqualTo(201);
    }

    @Test
    void shouldReturn422WhenNameIsBlankOrTooLong() {
        Response blank = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody("   ", uniqueEmail(), TestData.PASSWORD));
        Response tooLong = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody("x".repeat(256), uniqueEmail(), TestData.PASSWORD));

        assertThat(blank.status()).as(blank.toString()).isEqualTo(422);
        assertThat(blank.at("/errors").has("name")).isTrue();
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        assertThat(tooLong.at("/errors").has("name")).isTrue();
    }

    @Test
    void shouldReturn422WhenAdminEmailIsAlreadyTakenAndCreateNothing() {
        Tenant existing = data.company();
        String name = "Duplicate " + UUID.randomUUID();

        Response same = api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody(name, existing.adminEmail(), "another-password"));
        Response otherCase = api.post("/api/v1/companies", PLATFORM_API_KEY,
                companyBody(name, existing.adminEmail().toUpperCase(), "another-password"));

        for (Response response : new Response[] {same, otherCase}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.at("/errors/admin.email/0").asString()).contains("already been taken");
        }
        assertThat(data.jdbc().sql("SELECT count(*) FROM companies WHERE name = :n").param("n", name).query(Long.class).single())
                .as("no company left behind").isZero();
        assertThat(data.login(existing.adminEmail(), existing.adminPassword())).as("the existing admin is untouched").isNotBlank();
    }

    /** Concurrent requests for one e-mail: one company, the others a 422 (never a 500 from the unique index). */
    @Test
    void shouldCreateOnlyOneCompanyWhenSameEmailIsSubmittedConcurrently() throws Exception {
        String email = uniqueEmail();
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                String name = "Race " + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/companies", PLATFORM_API_KEY, companyBody(name, email, TestData.PASSWORD));
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(responses).filteredOn(r -> r.status() == 201).as(responses.toString()).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).as(responses.toString())
                    .allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(422);
                        assertThat(r.at("/errors/admin.email/0").asString()).contains("already been taken");
                    });
            assertThat(data.jdbc().sql("SELECT count(*) FROM users WHERE lower(email) = lower(:e)").param("e", email)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReturn403ForCallersOtherThanThePlatformKey() {
        Tenant tenant = data.company();
        String email = uniqueEmail();
        Map<String, Object> body = companyBody("Not allowed", email, TestData.PASSWORD);
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));

        for (String caller : new String[] {tenant.apiKey(), admin, DEMO_API_KEY}) {
            Response response = api.post("/api/v1/companies", caller, body);
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.body()).isEqualTo(FORBIDDEN);
        }
        assertThat(data.jdbc().sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void shouldReturn401WithoutAuthorization() {
        Response none = api.post("/api/v1/companies", null, companyBody("Anonymous", uniqueEmail(), TestData.PASSWORD));
        Response garbage = api.post("/api/v1/companies", "not-a-key", companyBody("Anonymous", uniqueEmail(), TestData.PASSWORD));

        for (Response response : new Response[] {none, garbage}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(UNAUTHENTICATED);
        }
    }

    private static Map<String, Object> companyBody(String name, String email, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("admin", Map.of("email", email, "password", password));
        return body;
    }

    private static String uniqueEmail() {
        return "company-admin-" + UUID.randomUUID() + "@example.test";
    }
}
