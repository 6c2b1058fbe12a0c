package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData;
import dev.patchbay.support.TestData.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AuthenticationTests extends ApiTest {

    private static final String UNAUTHENTICATED = "{\"message\":\"Unauthenticated.\"}";
    private static final String FORBIDDEN = "{\"message\":\"This action is unauthorized.\"}";
    private static final String BAD_CREDENTIALS = "These credentials do not match our records.";

    @Autowired
    private JwtService jwt;

    // ---- 401: who is calling cannot be established

    @Test
    void shouldReturn401WithContractBodyWhenAuthorizationHeaderIsMissing() {
        Response response = api.get("/api/v1/connectors", null);

        assertUnauthenticated(response);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void shouldReturn401ForWritesWithoutAuthorizationHeader() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Untouchable");

        assertUnauthenticated(api.post("/api/v1/connectors", null, data.shopifyBody(tenant, "Anonymous")));
        assertUnauthenticated(api.put("/api/v1/connectors/" + id, null, Map.of("name", "Anonymous", "variables", List.of())));
        assertUnauthenticated(api.delete("/api/v1/connectors/" + id, null));
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).at("/data/name").asString()).isEqualTo("Untouchable");
    }

    @Test
    void shouldReturn401WhenApiKeyIsUnknown() {
        assertUnauthenticated(api.get("/api/v1/connectors", "pb_" + UUID.randomUUID()));
        assertUnauthenticated(api.get("/api/v1/connectors", "garbage"));
        assertUnauthenticated(api.get("/api/v1/connectors", "   "));
    }

    @Test
    void shouldReturn401WhenApiKeyIsRevoked() {
        Tenant tenant = data.company();
        String admin = adminBearer(tenant);
        Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "Short-lived", "read_only", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.at("/data/key").asString();
        long keyId = created.at("/data/id").asLong();
        assertThat(api.get("/api/v1/connectors", key).status()).as("works before revocation").isEqualTo(200);

        Response revoked = api.delete("/api/v1/api-keys/" + keyId, admin);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.at("/message").asString()).isEqualTo("API key revoked.");
        assertUnauthenticated(api.get("/api/v1/connectors", key));
        assertUnauthenticated(api.post("/api/v1/connectors", key, data.shopifyBody(tenant, "After revocation")));
        assertThat(api.get("/api/v1/connectors", tenant.apiKey()).status()).as("the other keys still work").isEqualTo(200);
    }

    @Test
    void shouldReturn401WhenTokenIsExpired() {
        Tenant tenant = data.company();
        String expired = jwt.issue(userId(tenant.adminEmail()), Instant.now().minus(Duration.ofDays(2)));

        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer(expired)));
    }

    @Test
    void shouldAcceptTokenIssuedJustNowByTheSameService() {
        Tenant tenant = data.company();
        String fresh = jwt.issue(userId(tenant.adminEmail()), Instant.now());

        assertThat(api.get("/api/v1/connectors", Api.bearer(fresh)).status()).isEqualTo(200);
    }

    @Test
    void shouldReturn401WhenValidTokenNamesUserThatDoesNotExist() {
        long missing = data.jdbc().sql("SELECT coalesce(max(id), 0) + 1000000 FROM users").query(Long.class).single();

        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer(jwt.issue(missing, Instant.now()))));
    }

    @Test
    void shouldReturn401WhenTokenIsSignedWithAnotherKey() throws Exception {
        Tenant tenant = data.company();
        long userId = userId(tenant.adminEmail());
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer("patchbay")
                .subject(Long.toString(userId))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build());
        forged.sign(new MACSigner("an-attacker-chosen-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8)));

        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer(forged.serialize())));
    }

    @Test
    void shouldReturn401WhenTokenSignatureIsTampered() {
        Tenant tenant = data.company();
        String token = data.login(tenant.adminEmail(), tenant.adminPassword());
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(0);
        String tampered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer(tampered)));
    }

    @Test
    void shouldReturn401WhenTokenIsUnsigned() {
        Tenant tenant = data.company();
        PlainJWT unsigned = new PlainJWT(new JWTClaimsSet.Builder()
                .issuer("patchbay")
                .subject(Long.toString(userId(tenant.adminEmail())))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build());

        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer(unsigned.serialize())));
    }

    @Test
    void shouldReturn401WhenTokenIsMalformed() {
        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer("not-a-jwt")));
        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer("a.b.c")));
        assertUnauthenticated(api.get("/api/v1/connectors", "Bearer "));
    }

    @Test
    void shouldReturn401WhenApiKeyIsSentAsBearerToken() {
        Tenant tenant = data.company();

        assertUnauthenticated(api.get("/api/v1/connectors", Api.bearer(tenant.apiKey())));
    }

    // ---- login

    @Test
    void shouldLogInAndReturnTokenThatAuthenticates() {
        Tenant tenant = data.company();

        Response login = api.post("/fabric/api/login", null,
                Map.of("username", tenant.adminEmail(), "password", tenant.adminPassword()));

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.at("/message").asString()).isEqualTo("You have successfully logged in.");
        assertThat(login.at("/expires_in").asLong()).isEqualTo(86400);
        String token = login.at("/token").asString();
        assertThat(token).isNotBlank();
        Response connectors = api.get("/api/v1/connectors", Api.bearer(token));
        assertThat(connectors.status()).as(connectors.toString()).isEqualTo(200);
    }

    @Test
    void shouldLogInWithEmailInAnotherCase() {
        Tenant tenant = data.company();

        Response login = api.post("/fabric/api/login", null,
                Map.of("username", tenant.adminEmail().toUpperCase(), "password", tenant.adminPassword()));

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
    }

    @Test
    void shouldReturn401WithSameMessageForWrongPasswordAndUnknownEmail() {
        Tenant tenant = data.company();

        Response wrongPassword = api.post("/fabric/api/login", null,
                Map.of("username", tenant.adminEmail(), "password", "not-the-password"));
        Response unknownEmail = api.post("/fabric/api/login", null,
                Map.of("username", "nobody-" + UUID.randomUUID() + "@example.test", "password", TestData.PASSWORD));

        for (Response response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.at("/message").asString()).isEqualTo(BAD_CREDENTIALS);
            assertThat(response.json().has("token")).isFalse();
        }
    }

    @Test
    void shouldReturn422NamingTheMissingLoginFields() {
        Response noUsername = api.post("/fabric/api/login", null, Map.of("password", "whatever-password"));
        Response nothing = api.post("/fabric/api/login", null, Map.of());

        assertThat(noUsername.status()).as(noUsername.toString()).isEqualTo(422);
        assertThat(noUsername.at("/message").asString()).isNotBlank();
        assertThat(noUsername.at("/errors/username").isArray()).isTrue();
        assertThat(noUsername.at("/errors/username")).isNotEmpty();
        assertThat(noUsername.at("/errors").has("password")).isFalse();
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(422);
        assertThat(nothing.at("/errors").has("username")).isTrue();
        assertThat(nothing.at("/errors").has("password")).isTrue();
    }

    // ---- roles

    @Test
    void shouldLetStandardUserReadButReturn403OnEveryConnectorWrite() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Read me");
        String standard = data.userWithRole(tenant, "standard");

        assertThat(api.get("/api/v1/connectors", standard).status()).isEqualTo(200);
        Response one = api.get("/api/v1/connectors/" + id, standard);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.at("/data/name").asString()).isEqualTo("Read me");

        assertForbidden(api.post("/api/v1/connectors", standard, data.shopifyBody(tenant, "Not allowed")));
        assertForbidden(api.put("/api/v1/connectors/" + id, standard, Map.of("name", "Renamed", "variables", List.of())));
        assertForbidden(api.delete("/api/v1/connectors/" + id, standard));

        Response after = api.get("/api/v1/connectors", tenant.apiKey());
        assertThat(after.at("/meta/total").asLong()).as("nothing created").isEqualTo(1);
        assertThat(after.at("/data/0/name").asString()).as("nothing renamed or deleted").isEqualTo("Read me");
    }

    @Test
    void shouldLetReadOnlyApiKeyReadButReturn403OnWrites() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Read only target");
        Response created = api.post("/api/v1/api-keys", adminBearer(tenant), Map.of("name", "Reporting", "read_only", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/read_only").asBoolean()).isTrue();
        String readOnly = created.at("/data/key").asString();

        assertThat(api.get("/api/v1/connectors", readOnly).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/connectors/" + id, readOnly).status()).isEqualTo(200);
        assertForbidden(api.post("/api/v1/connectors", readOnly, data.shopifyBody(tenant, "Not allowed")));
        assertForbidden(api.put("/api/v1/connectors/" + id, readOnly, Map.of("name", "Renamed", "variables", List.of())));
        assertForbidden(api.delete("/api/v1/connectors/" + id, readOnly));
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).at("/data/name").asString())
                .isEqualTo("Read only target");
    }

    @Test
    void shouldLetManagerCreateUpdateAndDeleteConnectors() {
        Tenant tenant = data.company();
        String manager = data.userWithRole(tenant, "manager");

        Response created = api.post("/api/v1/connectors", manager, data.shopifyBody(tenant, "Managed"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.at("/data/id").asLong();

        Response updated = api.put("/api/v1/connectors/" + id, manager, Map.of("name", "Managed 2", "variables", List.of()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/data/name").asString()).isEqualTo("Managed 2");

        Response deleted = api.delete("/api/v1/connectors/" + id, manager);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/connectors/" + id, manager).status()).isEqualTo(404);
    }

    @Test
    void shouldLetAdministratorWriteConnectorsWithToken() {
        Tenant tenant = data.company();

        Response created = api.post("/api/v1/connectors", adminBearer(tenant), data.shopifyBody(tenant, "By admin"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
    }

    @Test
    void shouldReturn403ForNonAdministratorsOnUsersAndApiKeys() {
        Tenant tenant = data.company();
        String manager = data.userWithRole(tenant, "manager");
        String standard = data.userWithRole(tenant, "standard");
        Map<String, Object> newUser = Map.of("name", "Sneaky", "email", "sneaky-" + UUID.randomUUID() + "@example.test",
                "password", TestData.PASSWORD, "role", "administrator");

        for (String caller : List.of(manager, standard, tenant.apiKey())) {
            assertForbidden(api.get("/api/v1/users", caller));
            assertForbidden(api.post("/api/v1/users", caller, newUser));
            assertForbidden(api.get("/api/v1/api-keys", caller));
            assertForbidden(api.post("/api/v1/api-keys", caller, Map.of("name", "Sneaky key", "read_only", false)));
            assertForbidden(api.delete("/api/v1/api-keys/1", caller));
        }
        assertThat(api.post("/fabric/api/login", null, Map.of("username", newUser.get("email"), "password", TestData.PASSWORD))
                .status()).as("no user was created").isEqualTo(401);
    }

    @Test
    void shouldLetAdministratorCreateUserWhoCanLogIn() {
        Tenant tenant = data.company();
        String email = "new-" + UUID.randomUUID() + "@example.test";

        Response created = api.post("/api/v1/users", adminBearer(tenant),
                Map.of("name", "New Manager", "email", email, "password", TestData.PASSWORD, "role", "manager"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/email").asString()).isEqualTo(email);
        assertThat(created.at("/data/role").asString()).isEqualTo("manager");
        assertThat(created.body()).doesNotContain(TestData.PASSWORD).doesNotContain("password");
        assertThat(data.login(email, TestData.PASSWORD)).isNotBlank();
    }

    @Test
    void shouldReturn422ForInvalidNewUser() {
        Tenant tenant = data.company();

        Response invalid = api.post("/api/v1/users", adminBearer(tenant),
                Map.of("name", "X", "email", "not-an-email", "password", "short", "role", "owner"));
        Response taken = api.post("/api/v1/users", adminBearer(tenant),
                Map.of("name", "X", "email", tenant.adminEmail(), "password", TestData.PASSWORD, "role", "standard"));

        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.at("/errors").propertyNames()).contains("email", "password", "role");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
        assertThat(taken.at("/errors/email/0").asString()).contains("taken");
    }

    @Test
    void shouldCreateOnlyOneUserWhenSameEmailIsSubmittedConcurrently() throws Exception {
        Tenant tenant = data.company();
        String admin = adminBearer(tenant);
        String email = "race-" + UUID.randomUUID() + "@example.test";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/users", admin,
                            Map.of("name", "Racer", "email", email, "password", TestData.PASSWORD, "role", "standard"));
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
                        assertThat(r.at("/errors/email/0").asString()).contains("already been taken");
                    });
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the platform key

    @Test
    void shouldLetPlatformKeyCreateCompaniesButReturn403OnCompanyRoutes() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Not for the platform");

        Response company = api.post("/api/v1/companies", PLATFORM_API_KEY, Map.of("name", "Via platform",
                "admin", Map.of("email", "platform-" + UUID.randomUUID() + "@example.test", "password", TestData.PASSWORD)));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);

        assertForbidden(api.get("/api/v1/connectors", PLATFORM_API_KEY));
        assertForbidden(api.get("/api/v1/connectors/" + id, PLATFORM_API_KEY));
        assertForbidden(api.post("/api/v1/connectors", PLATFORM_API_KEY, data.shopifyBody(tenant, "Platform")));
        assertForbidden(api.put("/api/v1/connectors/" + id, PLATFORM_API_KEY, Map.of("name", "x", "variables", List.of())));
        assertForbidden(api.delete("/api/v1/connectors/" + id, PLATFORM_API_KEY));
        assertForbidden(api.get("/api/v1/users", PLATFORM_API_KEY));
        assertForbidden(api.get("/api/v1/api-keys", PLATFORM_API_KEY));
    }

    // ---- API keys

    @Test
    void shouldShowApiKeyOnceListWithoutItAndStoreOnlyItsHash() throws Exception {
        Tenant tenant = data.company();
        String admin = adminBearer(tenant);

        Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "CI pipeline", "read_only", false));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.at("/data/id").asLong();
        String key = created.at("/data/key").asString();
        assertThat(created.at("/data/name").asString()).isEqualTo("CI pipeline");
        assertThat(created.at("/data/read_only").asBoolean()).isFalse();
        assertThat(key).isNotBlank();
        assertThat(api.get("/api/v1/connectors", key).status()).as("the new key works").isEqualTo(200);
        assertThat(api.post("/api/v1/connectors", key, data.shopifyBody(tenant, "Via new key")).status())
                .as("a read-write key can write").isEqualTo(200);

        Response list = api.get("/api/v1/api-keys", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(key);
        List<JsonNode> keys = list.at("/data").valueStream().toList();
        assertThat(keys).extracting(k -> k.get("id").asLong()).contains(id);
        assertThat(keys).allSatisfy(k -> assertThat(k.has("key")).as("no key in the list").isFalse());
        assertThat(keys).allSatisfy(k -> assertThat(k.has("key_hash")).isFalse());

        assertThat(data.jdbc().sql("SELECT count(*) FROM api_keys WHERE strpos(row_to_json(api_keys)::text, :raw) > 0")
                .param("raw", key).query(Long.class).single()).as("the raw key is stored nowhere").isZero();
        assertThat(data.jdbc().sql("SELECT key_hash FROM api_keys WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(sha256(key));
    }

    @Test
    void shouldListRevokedKeyWithRevocationTimeAndReturn404WhenRevokingUnknownKey() {
        Tenant tenant = data.company();
        String admin = adminBearer(tenant);
        long id = api.post("/api/v1/api-keys", admin, Map.of("name", "Temp", "read_only", false)).at("/data/id").asLong();
        api.delete("/api/v1/api-keys/" + id, admin);

        JsonNode listed = api.get("/api/v1/api-keys", admin).at("/data").valueStream()
                .filter(k -> k.get("id").asLong() == id).findFirst().orElseThrow();
        Response unknown = api.delete("/api/v1/api-keys/999999999", admin);

        assertThat(listed.get("revoked_at").isNull()).isFalse();
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.at("/message").asString()).isNotBlank();
    }

    @Test
    void shouldReturn422WhenApiKeyNameIsMissing() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/api-keys", adminBearer(tenant), Map.of("read_only", true));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.at("/errors").has("name")).isTrue();
    }

    // ---- passwords

    @Test
    void shouldStorePasswordsOnlyAsHashes() {
        Tenant tenant = data.company();
        data.userWithRole(tenant, "standard");
        String standardEmail = data.jdbc().sql("SELECT email FROM users WHERE company_id = :c AND role = 'standard'")
                .param("c", tenant.id()).query(String.class).single();

        for (String email : List.of(tenant.adminEmail(), standardEmail)) {
            String hash = data.jdbc().sql("SELECT password_hash FROM users WHERE email = :e").param("e", email)
                    .query(String.class).single();
            assertThat(hash).isNotEqualTo(TestData.PASSWORD).doesNotContain(TestData.PASSWORD);
            assertThat(hash).as("an encoder-tagged hash").matches("\\{[a-z0-9]+\\}.{20,}");
        }
        Response users = api.get("/api/v1/users", adminBearer(tenant));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).doesNotContain("password");
    }

    // ---- helpers

    private String adminBearer(Tenant tenant) {
        return Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
    }

    private long userId(String email) {
        return data.jdbc().sql("SELECT id FROM users WHERE email = :e").param("e", email).query(Long.class).single();
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHENTICATED);
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(FORBIDDEN);
    }
}
