package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A system's {@code read_timeout}, set through the builder API, is the one its connectors' calls use:
 * with 1 s, a system that answers after 3 s is a 504 {@code upstream_timeout}; with the override
 * cleared, the service's default (60 s) applies and the same answer arrives.
 */
class SystemReadTimeoutTests extends ApiTest {

    private final StubUpstream upstream = new StubUpstream().on("/slow", arrival -> {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Answer.json(200, "{\"late\": true}");
    });

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void shouldGiveUpAfterTheSystemsReadTimeoutAndAnswer504() {
        Tenant tenant = data.company();
        long systemId = tenant.catalog().restSystemId();
        Response limited = api.put("/api/v1/systems/" + systemId, tenant.apiKey(), Map.of("read_timeout", 1));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(200);
        long connector = connector(tenant);

        Response timedOut = api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", "/slow"));

        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(504);
        assertThat(timedOut.header("Patchbay-Error")).isEqualTo("upstream_timeout");
        assertThat(upstream.arrivals("/slow")).as("the request did reach the system").hasSize(1);

        Map<String, Object> cleared = new HashMap<>();
        cleared.put("read_timeout", null);
        assertThat(api.put("/api/v1/systems/" + systemId, tenant.apiKey(), cleared).status()).isEqualTo(200);

        Response patient = api.post("/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", "/slow"));

        assertThat(patient.status()).as("the default read timeout waits: " + patient).isEqualTo(200);
        assertThat(patient.at("/data/response/status").asInt()).isEqualTo(200);
    }

    /** A connector on the tenant's REST API system (no authentication, so no credential check) aimed at the stub. */
    private long connector(Tenant tenant) {
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), Map.of("name", "Slow upstream",
                "authentication_implementation_id", tenant.catalog().restNoAuthId(), "timezone", "UTC",
                "date_format", "Y-m-d H:i:s", "rate_limit_unit", "second", "rate_limit_duration", 10,
                "variables", List.of(Map.of("key", "base_url", "value", upstream.url(), "label", "Base URL"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }
}
