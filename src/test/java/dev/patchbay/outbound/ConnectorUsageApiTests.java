package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /connectors/{id}/usage} in the API's own forms. */
class ConnectorUsageApiTests extends ApiTest {

    /** The API's timestamps: ISO-8601 UTC with six fraction digits, as {@code created_at}. */
    private static final String API_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    private StubUpstream upstream;
    private Tenant tenant;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        tenant = data.company();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void shouldWriteNextStartAndPauseTimesAsTheRestOfTheApiWritesTimes() {
        upstream.on("/busy", arrival -> new Answer(429, Map.of("Retry-After", "30"), new byte[0]));
        BuiltConnectors connectors = new BuiltConnectors(api, tenant);
        Spec spec = Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null);
        Map<String, Object> body = new HashMap<>(connectors.connectorBody(connectors.implementation(spec), spec));
        body.put("rate_limit_duration", 5);
        body.put("rate_limit_unit", "second");
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        long connector = created.at("/data/id").asLong();
        // A POST is not retried: the system's 429 comes back, and its Retry-After pauses the connector.
        Response busy = api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "POST", "path", "/busy"), Map.of());
        assertThat(busy.at("/data/response/status").asInt()).as(busy.toString()).isEqualTo(429);

        Response usage = api.get("/api/v1/connectors/" + connector + "/usage", tenant.apiKey());

        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.at("/data/rate_limit/next_start_at").asString()).matches(API_TIMESTAMP);
        assertThat(usage.at("/data/paused_until").asString()).matches(API_TIMESTAMP);
        assertThat(created.at("/data/created_at").asString()).as("the form it follows").matches(API_TIMESTAMP);
    }
}
