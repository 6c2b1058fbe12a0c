package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** DESIGN §6: secrets encrypted at rest, masked in every response, never in a log; the mask sent back keeps the value. */
@ExtendWith(OutputCaptureExtension.class)
class SecretHandlingTests extends ApiTest {

    private static final String SECRET = "shpat_super-secret-token-4242";

    @Autowired
    private VariableStore variables;

    private Map<String, Object> bodyWithSecret(Tenant tenant, String name) {
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, name));
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop"),
                Map.of("key", "access_token", "value", SECRET, "label", "Token", "secret", true)));
        return body;
    }

    private String storedClearValue(Tenant tenant, long connectorId, String key) {
        return variables.clearValues(tenant.id(), VariableStore.Owner.CONNECTOR, connectorId).stream()
                .filter(v -> v.key().equals(key)).map(VariableData::value).findFirst().orElseThrow();
    }

    @Test
    void shouldStoreSecretValuesEncryptedAndNotInClear() {
        Tenant tenant = data.company();
        long id = api.post("/api/v1/connectors", tenant.apiKey(), bodyWithSecret(tenant, "Encrypted")).at("/data/id").asLong();

        String raw = data.jdbc().sql("SELECT value FROM variables WHERE connector_id = :id AND key = 'access_token'")
                .param("id", id).query(String.class).single();

        assertThat(raw).startsWith("v2:").doesNotContain(SECRET);
        assertThat(storedClearValue(tenant, id, "access_token")).isEqualTo(SECRET);
        String plain = data.jdbc().sql("SELECT value FROM variables WHERE connector_id = :id AND key = 'shop'")
                .param("id", id).query(String.class).single();
        assertThat(plain).as("non-secret values stay readable").isEqualTo("acme");
    }

    @Test
    void shouldNeverReturnOrLogASecretOnAnyPath(CapturedOutput output) {
        Tenant tenant = data.company();
        List<Response> responses = new ArrayList<>();
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), bodyWithSecret(tenant, "Masked"));
        responses.add(created);
        long id = created.at("/data/id").asLong();
        long tokenVariable = created.at("/data/variables/1/id").asLong();
        responses.add(api.get("/api/v1/connectors/" + id
                + "?include=variables,authenticationImplementation.endpoints.variables,authenticationImplementation", tenant.apiKey()));
        responses.add(api.get("/api/v1/connectors?include=variables", tenant.apiKey()));
        responses.add(api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "value", SecretMask.MASK)))));
        // error paths that carry the secret in their body
        Map<String, Object> invalid = bodyWithSecret(tenant, "Invalid");
        invalid.put("timezone", "Not/AZone");
        responses.add(api.post("/api/v1/connectors", tenant.apiKey(), invalid));
        responses.add(api.post("/api/v1/connectors", tenant.apiKey(), "{\"name\": \"" + SECRET + "\", broken json"));
        responses.add(api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "value", SECRET + "-new", "secret", "not-a-boolean")))));
        responses.add(api.post("/api/v1/connectors", "wrong-key", bodyWithSecret(tenant, "Unauthenticated")));

        assertThat(created.at("/data/variables/1/value").asString()).isEqualTo(SecretMask.MASK);
        assertThat(responses.get(1).at("/data/variables/1/value").asString()).isEqualTo(SecretMask.MASK);
        for (Response response : responses) {
            assertThat(response.body()).as("response %s", response.status()).doesNotContain(SECRET);
        }
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void shouldKeepTheStoredSecretWhenTheMaskIsSentBackAndReplaceItWhenANewValueIsSent() {
        Tenant tenant = data.company();
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), bodyWithSecret(tenant, "Keep"));
        long id = created.at("/data/id").asLong();
        long tokenVariable = created.at("/data/variables/1/id").asLong();

        Response kept = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "value", SecretMask.MASK, "label", "Access token"))));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(storedClearValue(tenant, id, "access_token")).isEqualTo(SECRET);

        Response replaced = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "value", "shpat_rotated"))));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.at("/data/variables/1/value").asString()).isEqualTo(SecretMask.MASK);
        assertThat(storedClearValue(tenant, id, "access_token")).isEqualTo("shpat_rotated");
    }

    @Test
    void shouldRefuseToRevealASecretByMakingItNonSecretWithoutANewValue() {
        Tenant tenant = data.company();
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), bodyWithSecret(tenant, "Reveal"));
        long id = created.at("/data/id").asLong();
        long tokenVariable = created.at("/data/variables/1/id").asLong();

        Response refused = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "secret", false))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").propertyNames()).containsExactly("variables.0.secret");

        Response withNewValue = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", tokenVariable, "secret", false, "value", "shpat_public-now"))));
        assertThat(withNewValue.status()).isEqualTo(200);
        assertThat(withNewValue.at("/data/variables/1/value").asString()).isEqualTo("shpat_public-now");
    }

    @Test
    void shouldCopyASecretTemplateDefaultEncryptedAndMasked() {
        Tenant tenant = data.company();
        long authId = tenant.catalog().shopifyTokenAuthId();
        VariableData template = variables.clearValues(tenant.id(), VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, authId)
                .stream().filter(v -> v.key().equals("access_token")).findFirst().orElseThrow();
        variables.updateAll(tenant.id(), VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, authId,
                List.of(template.withValue("shpat_default-template-secret")));
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Templates"));
        body.put("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop")));

        Response response = api.post("/api/v1/connectors", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("shpat_default-template-secret");
        assertThat(response.at("/data/variables/1/key").asString()).isEqualTo("access_token");
        assertThat(response.at("/data/variables/1/value").asString()).isEqualTo(SecretMask.MASK);
        assertThat(storedClearValue(tenant, response.at("/data/id").asLong(), "access_token"))
                .as("the template's default is copied").isEqualTo("shpat_default-template-secret");
    }
}
