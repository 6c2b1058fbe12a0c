package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a trusted proxy configured (the default), the throttle counts the connection's address, whatever the client claims. */
class LoginAddressTests extends ApiTest {

    @Test
    void shouldCountTheConnectionsAddressNotAForgedForwardedFor() {
        Tenant tenant = data.company();
        for (int attempt = 1; attempt <= 10; attempt++) {
            Response refused = login(tenant.adminEmail(), "guess-" + attempt, "2001:db8:" + attempt + "::1");
            assertThat(refused.status()).as("attempt %d", attempt).isEqualTo(401);
        }

        Response throttled = login(tenant.adminEmail(), tenant.adminPassword(), "2001:db8:99::1");

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.at("/message").asString()).startsWith("Too many login attempts.");
    }

    private Response login(String email, String password, String forgedAddress) {
        return api.send("POST", "/fabric/api/login", null, Map.of("username", email, "password", password),
                Map.of("X-Forwarded-For", forgedAddress));
    }
}
