package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyUsageTests extends ApiTest {

    @Test
    void shouldShowWhenAKeyWasLastUsed() {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        Response created = api.post("/api/v1/api-keys", admin, Map.of("name", "CI"));
        assertThat(created.at("/data/last_used_at").isNull()).isTrue();

        api.get("/api/v1/connectors", created.at("/data/key").asString());

        Response listed = api.get("/api/v1/api-keys", admin);
        long id = created.at("/data/id").asLong();
        var key = listed.at("/data").valueStream().filter(k -> k.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(key.get("last_used_at").asString()).endsWith("Z");
    }
}
