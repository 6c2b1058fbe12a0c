package dev.patchbay.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceDataApiTests extends ApiTest {

    @Test
    void shouldListSystemTypesPaginatedAndSortedByName() {
        Tenant tenant = data.company();

        Response page = api.get("/api/v1/system-types?sort=name&per_page=3", tenant.apiKey());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/meta/total").asLong()).isEqualTo(11);
        assertThat(page.at("/meta/last_page").asInt()).isEqualTo(4);
        assertThat(page.at("/data").valueStream().map(t -> t.get("name").asString()))
                .containsExactly("3PL", "Accounting", "CRM");
        assertThat(api.get("/api/v1/system-types/4", tenant.apiKey()).at("/data/name").asString()).isEqualTo("ERP");
        assertThat(api.get("/api/v1/system-types/999", tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/system-types?sort=id", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void shouldListAuthenticationTypesWithTheirKeys() {
        Tenant tenant = data.company();

        Response page = api.get("/api/v1/authentication-types?sort=-name", tenant.apiKey());

        assertThat(page.at("/meta/total").asLong()).isEqualTo(7);
        assertThat(page.at("/data/0/key").asString()).isEqualTo("token");
        assertThat(api.get("/api/v1/authentication-types/2", tenant.apiKey()).at("/data/key").asString()).isEqualTo("basic");
    }

    @Test
    void shouldRefuseWritesToReferenceData() {
        Tenant tenant = data.company();

        assertThat(api.post("/api/v1/system-types", tenant.apiKey(), Map.of("name", "Custom")).status()).isEqualTo(405);
        assertThat(api.delete("/api/v1/authentication-types/1", tenant.apiKey()).status()).isEqualTo(405);
    }
}
