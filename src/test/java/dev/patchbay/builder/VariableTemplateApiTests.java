package dev.patchbay.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.SecretCipher;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class VariableTemplateApiTests extends ApiTest {

    private static final String VARIABLES = "/api/v1/variables";

    @Autowired
    private SecretCipher cipher;

    private long templateId(Tenant tenant, long implementationId, String key) {
        return data.jdbc().sql("SELECT id FROM variables WHERE authentication_implementation_id = :a AND key = :k")
                .param("a", implementationId).param("k", key).query(Long.class).single();
    }

    private String storedValue(long id) {
        return data.jdbc().sql("SELECT value FROM variables WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void shouldCreateSecretTemplateOnAnEndpointMaskedAndEncrypted() {
        Tenant tenant = data.company();
        long endpoint = data.jdbc().sql("SELECT min(id) FROM endpoints WHERE system_id = :s")
                .param("s", tenant.catalog().sandboxSystemId()).query(Long.class).single();

        Response created = api.post(VARIABLES, tenant.apiKey(), Map.of("endpoint_id", endpoint, "key", "signing_key",
                "label", "Signing key", "value", "sk-very-secret", "secret", true));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/value").asString()).isEqualTo("********");
        assertThat(created.at("/data/endpoint_id").asLong()).isEqualTo(endpoint);
        assertThat(created.at("/data/authentication_implementation_id").isNull()).isTrue();
        long id = created.at("/data/id").asLong();
        assertThat(storedValue(id)).doesNotContain("sk-very-secret");
        assertThat(api.get(VARIABLES + "/" + id, tenant.apiKey()).at("/data/value").asString()).isEqualTo("********");
        assertThat(api.get("/api/v1/endpoints/" + endpoint + "?include=variables", tenant.apiKey())
                .at("/data/variables/0/value").asString()).isEqualTo("********");
    }

    @Test
    void shouldRequireExactlyOneOwnerOfThisCompany() {
        Tenant tenant = data.company();
        Tenant other = data.company();

        Response none = api.post(VARIABLES, tenant.apiKey(), Map.of("key", "k", "label", "K"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("errors").propertyNames()).containsExactlyInAnyOrder("authentication_implementation_id",
                "endpoint_id");
        Response both = api.post(VARIABLES, tenant.apiKey(), Map.of("key", "k", "label", "K",
                "authentication_implementation_id", tenant.catalog().restNoAuthId(), "endpoint_id", 1));
        assertThat(both.json().get("errors").propertyNames()).containsExactly("endpoint_id");
        Response foreign = api.post(VARIABLES, tenant.apiKey(), Map.of("key", "k", "label", "K",
                "authentication_implementation_id", other.catalog().restNoAuthId()));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.at("/errors/authentication_implementation_id/0").asString())
                .isEqualTo("The selected authentication implementation id is invalid.");
    }

    @Test
    void shouldKeepTheStoredSecretWhenTheMaskIsSentBack() {
        Tenant tenant = data.company();
        long implementation = tenant.catalog().restBasicAuthId();
        Response created = api.post(VARIABLES, tenant.apiKey(), Map.of("authentication_implementation_id", implementation,
                "key", "client_secret", "label", "Client secret", "value", "first-secret", "secret", true));
        long id = created.at("/data/id").asLong();
        assertThat(storedValue(id)).doesNotContain("first-secret");

        Response kept = api.put(VARIABLES + "/" + id, tenant.apiKey(), Map.of("value", "********", "label", "Secret"));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.at("/data/label").asString()).isEqualTo("Secret");
        assertThat(cipher.decrypt(storedValue(id), EncryptedColumns.VARIABLE_VALUE.binding(tenant.id(), id))).as("the mask keeps the stored value").isEqualTo("first-secret");

        Response replaced = api.put(VARIABLES + "/" + id, tenant.apiKey(), Map.of("value", "second-secret"));
        assertThat(replaced.at("/data/value").asString()).isEqualTo("********");
        assertThat(storedValue(id)).doesNotContain("second-secret");
        assertThat(cipher.decrypt(storedValue(id), EncryptedColumns.VARIABLE_VALUE.binding(tenant.id(), id))).isEqualTo("second-secret");

        Response unmasked = api.put(VARIABLES + "/" + id, tenant.apiKey(), Map.of("secret", false));
        assertThat(unmasked.status()).isEqualTo(422);
        assertThat(unmasked.json().get("errors").has("secret")).isTrue();
    }

    @Test
    void shouldRefuseToChangeALockedTemplatesKeyOrValueButAllowItsLabel() {
        Tenant tenant = data.company();
        long id = templateId(tenant, tenant.catalog().shopifyTokenAuthId(), "api_version");

        Response refused = api.put(VARIABLES + "/" + id, tenant.apiKey(),
                Map.of("key", "version", "value", "2025-01", "locked", false));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrder("key", "value", "locked");

        Response relabelled = api.put(VARIABLES + "/" + id, tenant.apiKey(), Map.of("label", "Admin API version"));
        assertThat(relabelled.status()).as(relabelled.toString()).isEqualTo(200);
        assertThat(relabelled.at("/data/label").asString()).isEqualTo("Admin API version");
        assertThat(relabelled.at("/data/value").asString()).isEqualTo("2024-10");
    }

    @Test
    void shouldValidateUpdatesWithTheSameRules() {
        Tenant tenant = data.company();
        long id = templateId(tenant, tenant.catalog().shopifyTokenAuthId(), "shop");

        Response response = api.put(VARIABLES + "/" + id, tenant.apiKey(), "{\"label\": null, \"value\": \""
                + "v".repeat(1025) + "\", \"pivot\": {\"alias\": \"" + "a".repeat(256) + "\"}}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("label", "value", "pivot.alias");
        Response taken = api.put(VARIABLES + "/" + id, tenant.apiKey(), Map.of("key", "api_version"));
        assertThat(taken.at("/errors/key/0").asString()).isEqualTo("The key field has already been taken.");
    }

    @Test
    void shouldRefuseToRenameOrDeleteATemplateTheSettingsStillName() {
        Tenant tenant = data.company();
        long token = templateId(tenant, tenant.catalog().shopifyTokenAuthId(), "access_token");
        long shop = templateId(tenant, tenant.catalog().shopifyTokenAuthId(), "shop");

        Response renamed = api.put(VARIABLES + "/" + token, tenant.apiKey(), Map.of("key", "token"));
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.at("/errors/key/0").asString()).contains("{{access_token}}");
        assertThat(api.delete(VARIABLES + "/" + token, tenant.apiKey()).status()).isEqualTo(422);

        Response deleted = api.delete(VARIABLES + "/" + shop, tenant.apiKey());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(api.get(VARIABLES + "/" + shop, tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer404ForConnectorVariablesAndOtherCompaniesTemplates() {
        Tenant tenant = data.company();
        Tenant other = data.company();
        long connector = data.shopifyConnector(tenant, "Shop");
        long connectorVariable = data.jdbc().sql("SELECT min(id) FROM variables WHERE connector_id = :c")
                .param("c", connector).query(Long.class).single();
        long theirs = templateId(other, other.catalog().shopifyTokenAuthId(), "shop");

        for (long id : new long[] {connectorVariable, theirs}) {
            assertThat(api.get(VARIABLES + "/" + id, tenant.apiKey()).status()).isEqualTo(404);
            assertThat(api.put(VARIABLES + "/" + id, tenant.apiKey(), Map.of("label", "x")).status()).isEqualTo(404);
            assertThat(api.delete(VARIABLES + "/" + id, tenant.apiKey()).status()).isEqualTo(404);
        }
        assertThat(api.get(VARIABLES + "/" + theirs, other.apiKey()).status()).isEqualTo(200);
    }
}
