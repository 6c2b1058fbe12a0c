package dev.patchbay.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A system's own {@code connect_timeout} and {@code read_timeout} through {@code /api/v1/systems}. */
class SystemTimeoutApiTests extends ApiTest {

    private static Map<String, Object> body(String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Slow ERP");
        body.put("canonical_key", key);
        body.put("system_type_id", 4);
        body.put("base_url", "https://erp.example.test/api");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @Test
    void shouldStoreShowAndChangeTheTimeouts() {
        Tenant tenant = data.company();

        Response created = api.post("/api/v1/systems", tenant.apiKey(),
                with(with(body("slow_erp"), "connect_timeout", 5), "read_timeout", 120));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/connect_timeout").asInt()).isEqualTo(5);
        assertThat(created.at("/data/read_timeout").asInt()).isEqualTo(120);
        long id = created.at("/data/id").asLong();
        Response shown = api.get("/api/v1/systems/" + id, tenant.apiKey());
        assertThat(shown.at("/data/connect_timeout").asInt()).isEqualTo(5);
        assertThat(shown.at("/data/read_timeout").asInt()).isEqualTo(120);
        Response listed = api.get("/api/v1/systems?filter%5Bcanonical_key%5D=slow_erp", tenant.apiKey());
        assertThat(listed.at("/data/0/read_timeout").asInt()).as("the list shows them too").isEqualTo(120);

        Response renamed = api.put("/api/v1/systems/" + id, tenant.apiKey(), Map.of("name", "Slower ERP"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.at("/data/connect_timeout").asInt()).as("an update keeps what it leaves out").isEqualTo(5);
        assertThat(renamed.at("/data/read_timeout").asInt()).isEqualTo(120);

        Map<String, Object> changes = new HashMap<>();
        changes.put("connect_timeout", 600);
        changes.put("read_timeout", null);
        Response updated = api.put("/api/v1/systems/" + id, tenant.apiKey(), changes);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/data/connect_timeout").asInt()).isEqualTo(600);
        assertThat(updated.at("/data/read_timeout").isNull()).as("null goes back to the service's default").isTrue();
        assertThat(api.get("/api/v1/systems/" + id, tenant.apiKey()).at("/data/read_timeout").isNull()).isTrue();
    }

    @Test
    void shouldLeaveTheTimeoutsNullWhenACreateOmitsThem() {
        Tenant tenant = data.company();

        Response created = api.post("/api/v1/systems", tenant.apiKey(), body("plain_erp"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/connect_timeout").isNull()).isTrue();
        assertThat(created.at("/data/read_timeout").isNull()).isTrue();
    }

    @Test
    void shouldAcceptTheBoundsAndRefuseWhatLiesOutside() {
        Tenant tenant = data.company();

        Response lowest = api.post("/api/v1/systems", tenant.apiKey(),
                with(with(body("lowest"), "connect_timeout", 1), "read_timeout", 1));
        Response highest = api.post("/api/v1/systems", tenant.apiKey(),
                with(with(body("highest"), "connect_timeout", 600), "read_timeout", 3600));
        Response tooLow = api.post("/api/v1/systems", tenant.apiKey(),
                with(with(body("too_low"), "connect_timeout", 0), "read_timeout", -5));
        Response tooHigh = api.post("/api/v1/systems", tenant.apiKey(),
                with(with(body("too_high"), "connect_timeout", 601), "read_timeout", 3601));

        assertThat(lowest.status()).as(lowest.toString()).isEqualTo(201);
        assertThat(highest.status()).as(highest.toString()).isEqualTo(201);
        for (Response refused : new Response[] {tooLow, tooHigh}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrder("connect_timeout", "read_timeout");
            assertThat(refused.at("/errors/connect_timeout/0").asString())
                    .isEqualTo("The connect timeout field must be between 1 and 600.");
            assertThat(refused.at("/errors/read_timeout/0").asString())
                    .isEqualTo("The read timeout field must be between 1 and 3600.");
            assertThat(refused.at("/message").asString())
                    .isEqualTo("The connect timeout field must be between 1 and 600. (and 1 more error)");
        }
        assertThat(systemsWithKey(tenant, "too_low") + systemsWithKey(tenant, "too_high")).as("nothing written").isZero();
    }

    @Test
    void shouldRefuseTimeoutsThatAreNotWholeNumbers() {
        Tenant tenant = data.company();

        Response text = api.post("/api/v1/systems", tenant.apiKey(), with(body("text_timeout"), "read_timeout", "ten"));
        Response fraction = api.post("/api/v1/systems", tenant.apiKey(), with(body("fraction_timeout"), "connect_timeout", 2.5));

        assertThat(text.status()).as(text.toString()).isEqualTo(422);
        assertThat(text.at("/errors/read_timeout/0").asString()).isEqualTo("The read timeout field must be an integer.");
        assertThat(fraction.status()).as(fraction.toString()).isEqualTo(422);
        assertThat(fraction.at("/errors/connect_timeout/0").asString()).isEqualTo("The connect timeout field must be an integer.");
        assertThat(systemsWithKey(tenant, "text_timeout") + systemsWithKey(tenant, "fraction_timeout")).isZero();
    }

    @Test
    void shouldRefuseAnInvalidUpdateAndKeepTheStoredTimeouts() {
        Tenant tenant = data.company();
        long id = api.post("/api/v1/systems", tenant.apiKey(), with(body("kept_erp"), "read_timeout", 30)).at("/data/id").asLong();

        Response refused = api.put("/api/v1/systems/" + id, tenant.apiKey(), Map.of("name", "Renamed", "read_timeout", 0));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/errors/read_timeout/0").asString()).isEqualTo("The read timeout field must be between 1 and 3600.");
        Response shown = api.get("/api/v1/systems/" + id, tenant.apiKey());
        assertThat(shown.at("/data/read_timeout").asInt()).isEqualTo(30);
        assertThat(shown.at("/data/name").asString()).isEqualTo("Slow ERP");
    }

    private long systemsWithKey(Tenant tenant, String key) {
        return data.jdbc().sql("SELECT count(*) FROM systems WHERE company_id = :company AND canonical_key = :key")
                .param("company", tenant.id()).param("key", key).query(Long.class).single();
    }
}
