package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.FakeSystems;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A ciphertext is bound to its row (table, column, company, id): copied by hand or by a bug into another
 * tenant's row or another row of the same tenant, it does not decrypt there. The request that needs it
 * fails with a clear error that shows nothing of the value, and the log says where the value is.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretBindingApiTests extends ApiTest {

    private static final String VICTIM_SECRET = "shpat_victim-secret-0451";

    @Autowired
    private FakeSystems systems;

    private long connectorWithSecret(Tenant tenant, String name, String secret) {
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, name));
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop"),
                Map.of("key", "access_token", "value", secret, "label", "Token", "secret", true)));
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }

    private long tokenVariable(long connectorId) {
        return data.jdbc().sql("SELECT id FROM variables WHERE connector_id = :id AND key = 'access_token'")
                .param("id", connectorId).query(Long.class).single();
    }

    /** What an attacker with write access to the table (or a bug) would do: copy the ciphertext itself. */
    private void copyCiphertext(long fromConnector, long toConnector) {
        data.jdbc().sql("UPDATE variables SET value = (SELECT value FROM variables WHERE connector_id = :from "
                        + "AND key = 'access_token') WHERE connector_id = :to AND key = 'access_token'")
                .param("from", fromConnector).param("to", toConnector).update();
    }

    private Response keepStoredSecret(Tenant tenant, long connectorId) {
        return api.put("/api/v1/connectors/" + connectorId, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable(connectorId), "value", SecretMask.MASK))));
    }

    @Test
    void shouldRefuseASecretCopiedIntoAnotherCompanysConnectorWithoutRevealingIt(CapturedOutput output) {
        Tenant victim = data.company();
        Tenant attacker = data.company();
        long victimConnector = connectorWithSecret(victim, "Victim", VICTIM_SECRET);
        long attackerConnector = connectorWithSecret(attacker, "Attacker", "shpat_attacker-own");
        copyCiphertext(victimConnector, attackerConnector);
        int arrivalsBefore = tokensSent().size();

        Response update = keepStoredSecret(attacker, attackerConnector);
        Response test = api.post("/api/v1/connectors/" + attackerConnector + "/test", attacker.apiKey(), null);

        for (Response refused : List.of(update, test)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
            assertThat(refused.at("/message").asString()).contains("cannot be decrypted with the configured keys");
            assertThat(refused.body()).doesNotContain(VICTIM_SECRET).doesNotContain("v2:");
        }
        assertThat(tokensSent().subList(arrivalsBefore, tokensSent().size())).as("sent after the copy")
                .doesNotContain(VICTIM_SECRET);
        assertThat(output.getAll()).doesNotContain(VICTIM_SECRET)
                .contains("variables.value #" + tokenVariable(attackerConnector));
        assertThat(keepStoredSecret(victim, victimConnector).status()).as("the original still opens").isEqualTo(200);
    }

    @Test
    void shouldRefuseASecretCopiedIntoAnotherRowOfTheSameCompany() {
        Tenant tenant = data.company();
        long first = connectorWithSecret(tenant, "First", "shpat_first-secret");
        long second = connectorWithSecret(tenant, "Second", "shpat_second-secret");
        copyCiphertext(first, second);

        Response refused = keepStoredSecret(tenant, second);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
        assertThat(refused.body()).doesNotContain("shpat_first-secret");
    }

    /** The access tokens the fake Shopify received: a value that failed to decrypt is never sent. */
    private List<String> tokensSent() {
        return systems.upstream().arrivals("/shopify/").stream().map(a -> a.header("X-Shopify-Access-Token")).toList();
    }
}
