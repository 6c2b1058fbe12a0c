package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the API, a success or any refusal, carries the security headers, and none opens a session:
 * the API's filter chain writes the headers before the request is handled and keeps no session.
 */
class ApiResponseHeadersTests extends ApiTest {

    @Test
    void shouldSendTheSecurityHeadersAndNoSessionCookieOnSuccessesAndRefusals() {
        Tenant tenant = data.company();
        String readOnly = data.readOnlyApiKey(tenant);
        List<Response> answers = List.of(
                api.get("/api/v1/connectors", tenant.apiKey()),
                api.get("/api/v1/connectors", null),
                api.post("/api/v1/connectors", readOnly, Map.of("name", "Refused")),
                api.get("/api/v1/connectors/999999999", tenant.apiKey()),
                api.get("/api/v1/connectors?filter[nope]=1", tenant.apiKey()),
                api.post("/api/v1/connectors", tenant.apiKey(), Map.of("name", "")));

        assertThat(answers).extracting(Response::status).containsExactly(200, 401, 403, 404, 400, 422);
        for (Response answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
            assertThat(answer.header("Cache-Control")).as(answer.toString()).contains("no-store");
            assertThat(answer.headers().allValues("Set-Cookie")).as(answer.toString()).isEmpty();
            assertThat(answer.header("Content-Type")).as(answer.toString()).isEqualTo("application/json");
        }
    }
}
