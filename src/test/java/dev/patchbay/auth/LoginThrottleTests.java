package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginThrottleTests extends ApiTest {

    @Test
    void shouldAnswer429WithRetryAfterOnceAnAddressHasFailedTooOften() {
        Tenant tenant = data.company();
        for (int attempt = 1; attempt <= LoginThrottle.FAILURES; attempt++) {
            Response refused = api.post("/fabric/api/login", null, Map.of("username", tenant.adminEmail(), "password", "guess-" + attempt));
            assertThat(refused.status()).as("attempt %d", attempt).isEqualTo(401);
        }

        Response throttled = api.post("/fabric/api/login", null,
                Map.of("username", tenant.adminEmail().toUpperCase(), "password", tenant.adminPassword()));

        assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, LoginThrottle.WINDOW_MINUTES * 60L);
        assertThat(throttled.at("/message").asString()).startsWith("Too many login attempts.");
    }

    @Test
    void shouldNotCountSuccessfulLoginsNorOtherAddresses() {
        Tenant tenant = data.company();
        Tenant neighbour = data.company();
        for (int attempt = 1; attempt <= LoginThrottle.FAILURES; attempt++) {
            api.post("/fabric/api/login", null, Map.of("username", neighbour.adminEmail(), "password", "wrong"));
        }
        for (int attempt = 1; attempt <= LoginThrottle.FAILURES + 2; attempt++) {
            assertThat(data.login(tenant.adminEmail(), tenant.adminPassword())).isNotBlank();
        }
    }
}
