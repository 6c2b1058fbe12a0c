package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API keys are remembered briefly so that a read does not look its key up every time, yet a revoked
 * key must stop working within one second on every node: at once on the node that revokes it, and
 * within the lookup's freshness on the others (simulated by revoking in the database directly).
 */
class RevokedKeyTests extends ApiTest {

    /** How long another node may still accept a revoked key (issue 6: within one second). */
    private static final Duration FRESHNESS = Duration.ofSeconds(1);

    private record Key(long id, String value) {}

    private Key usedKey(Tenant tenant, String admin) {
        Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "Short-lived"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Key key = new Key(created.at("/data/id").asLong(), created.at("/data/key").asString());
        assertThat(api.get("/api/v1/connectors", key.value()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/connectors", key.value()).status()).isEqualTo(200); // now remembered
        return key;
    }

    @Test
    void shouldRefuseAKeyRevokedThroughTheApiOnTheVeryNextRequest() {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        Key key = usedKey(tenant, admin);

        assertThat(api.delete("/api/v1/api-keys/" + key.id(), admin).status()).isEqualTo(200);

        Response refused = api.get("/api/v1/connectors", key.value());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.at("/message").asString()).isEqualTo("Unauthenticated.");
    }

    @Test
    void shouldRefuseAKeyRevokedByAnotherNodeWithinOneSecond() throws InterruptedException {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        Key key = usedKey(tenant, admin);

        // another node revokes it: the row changes, this node's memory is not told
        data.jdbc().sql("UPDATE api_keys SET revoked_at = now() WHERE id = :id").param("id", key.id()).update();
        long revokedAt = System.nanoTime();

        // Every request that starts a second after the revocation must be refused. A slow machine only
        // makes the request start later, so it cannot make this fail falsely.
        long sleepNanos = FRESHNESS.toNanos() - (System.nanoTime() - revokedAt);
        if (sleepNanos > 0) {
            Thread.sleep(sleepNanos / 1_000_000 + 1);
        }
        Response refused = api.get("/api/v1/connectors", key.value());
        assertThat(refused.status()).as("accepted a second after the revocation").isEqualTo(401);
        assertThat(api.get("/api/v1/connectors", key.value()).status()).isEqualTo(401); // and from then on
    }
}
