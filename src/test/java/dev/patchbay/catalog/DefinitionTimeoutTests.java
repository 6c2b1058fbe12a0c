package dev.patchbay.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code system.connect_timeout} and {@code system.read_timeout} in a definition file, imported and installed. */
class DefinitionTimeoutTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The shipped Stripe definition under a key of its own, so each test imports a fresh one. */
    private static ObjectNode uniqueStripe(String version) throws IOException {
        ObjectNode definition = (ObjectNode) JSON.readTree(
                new ClassPathResource("definitions/stripe.json").getContentAsString(StandardCharsets.UTF_8));
        definition.put("key", "slow_" + UUID.randomUUID().toString().substring(0, 8));
        definition.put("version", version);
        return definition;
    }

    private static ObjectNode system(ObjectNode definition) {
        return (ObjectNode) definition.get("system");
    }

    private long importDefinition(ObjectNode definition) {
        Response imported = api.post("/api/v1/system-templates", PLATFORM_API_KEY, definition.toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        return imported.at("/data/id").asLong();
    }

    @Test
    void shouldInstallTheDefinitionsTimeoutsAndApplyANewVersionsOnUpgrade() throws IOException {
        Tenant tenant = data.company();
        ObjectNode definition = uniqueStripe("1.0.0");
        system(definition).put("connect_timeout", 7).put("read_timeout", 90);
        long v1 = importDefinition(definition);

        Response installed = api.post("/api/v1/system-templates/" + v1 + "/install", tenant.apiKey(), null);

        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        long systemId = installed.at("/data/system_id").asLong();
        Response shown = api.get("/api/v1/systems/" + systemId, tenant.apiKey());
        assertThat(shown.at("/data/connect_timeout").asInt()).isEqualTo(7);
        assertThat(shown.at("/data/read_timeout").asInt()).isEqualTo(90);

        ObjectNode v2 = definition.deepCopy().put("version", "1.1.0");
        system(v2).put("connect_timeout", 15).remove("read_timeout");
        long v2Id = importDefinition(v2);
        Response upgraded = api.post("/api/v1/system-templates/" + v2Id + "/install", tenant.apiKey(), Map.of("mode", "upgrade"));

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        Response after = api.get("/api/v1/systems/" + systemId, tenant.apiKey());
        assertThat(after.at("/data/connect_timeout").asInt()).isEqualTo(15);
        assertThat(after.at("/data/read_timeout").isNull()).as("the new version leaves it to the service's default").isTrue();
    }

    @Test
    void shouldInstallADefinitionWithoutTimeoutsWithNone() throws IOException {
        Tenant tenant = data.company();
        long id = importDefinition(uniqueStripe("1.0.0"));

        long systemId = api.post("/api/v1/system-templates/" + id + "/install", tenant.apiKey(), null).at("/data/system_id").asLong();

        Response shown = api.get("/api/v1/systems/" + systemId, tenant.apiKey());
        assertThat(shown.at("/data/connect_timeout").isNull()).isTrue();
        assertThat(shown.at("/data/read_timeout").isNull()).isTrue();
    }

    @Test
    void shouldRefuseAnImportWithTimeoutsOutOfRangeOrNotWholeSeconds() throws IOException {
        ObjectNode tooLong = uniqueStripe("1.0.0");
        system(tooLong).put("connect_timeout", 601).put("read_timeout", 0);
        ObjectNode notWhole = uniqueStripe("1.0.0");
        system(notWhole).put("connect_timeout", "10").put("read_timeout", 2.5);

        Response range = api.post("/api/v1/system-templates", PLATFORM_API_KEY, tooLong.toString());
        Response type = api.post("/api/v1/system-templates", PLATFORM_API_KEY, notWhole.toString());

        for (Response refused : new Response[] {range, type}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().get("errors").propertyNames())
                    .containsExactlyInAnyOrder("system.connect_timeout", "system.read_timeout");
        }
        assertThat(api.get("/api/v1/system-templates?filter%5Bkey%5D=" + tooLong.get("key").asString(), PLATFORM_API_KEY)
                .at("/data")).as("nothing imported").isEmpty();
    }
}
