package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.outbound.BuiltConnectors.Var;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send path's {@code patchbay_*} metrics as Prometheus scrapes them from {@code /actuator/prometheus}:
 * counted per connector and pool, tagged by ids, never by a name, a URL or a secret.
 */
class OutboundMetricsApiTests extends ApiTest {

    private static final String SECRET = "sk_metrics_secret_3f9a1c";
    private static final String CONNECTOR_NAME = "Metrics Connector Rosebud";
    private static final String POOL_NAME = "Metrics Pool Quince";

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        upstream.on("/", arrival -> Answer.json(200, "{\"ok\":true}"));
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void shouldCountStartsRefusalsWaitsAndAnswersPerConnectorAndPoolTaggedByIdsOnly() {
        long pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", POOL_NAME, "limit", 5))
                .at("/data/id").asLong();
        long connector = connector(2, "minute", pool);

        assertThat(send(connector, "/one", "wait=5").status()).isEqualTo(200);
        assertThat(send(connector, "/two", "wait=5").status()).isEqualTo(200);
        Response refused = send(connector, "/three", "wait=0");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);

        String scrape = scrape();
        String ids = "company_id=\"" + tenant.id() + "\",connector_id=\"" + connector + "\"";
        assertThat(value(scrape, "patchbay_requests_started_total", ids)).hasValue(2.0);
        assertThat(value(scrape, "patchbay_requests_refused_total", ids + ",reason=\"rate_limited\"")).hasValue(1.0);
        assertThat(value(scrape, "patchbay_requests_wait_seconds_count", ids)).hasValue(2.0);
        assertThat(value(scrape, "patchbay_upstream_seconds_count", ids)).hasValue(2.0);
        assertThat(value(scrape, "patchbay_requests_queued", ids)).hasValue(0.0);
        String poolIds = "company_id=\"" + tenant.id() + "\",pool_id=\"" + pool + "\"";
        assertThat(value(scrape, "patchbay_pool_in_flight", poolIds)).hasValue(0.0);
        assertThat(value(scrape, "patchbay_pool_waiting", poolIds)).hasValue(0.0);
        assertThat(scrape).doesNotContain(SECRET, CONNECTOR_NAME, POOL_NAME, upstream.url(), tenant.apiKey());
    }

    @Test
    void shouldRemoveADeletedConnectorsMeters() {
        long connector = connector(10, "second", null);
        assertThat(send(connector, "/one", null).status()).isEqualTo(200);
        String ids = "company_id=\"" + tenant.id() + "\",connector_id=\"" + connector + "\"";
        assertThat(value(scrape(), "patchbay_requests_started_total", ids)).hasValue(1.0);

        Response deleted = api.delete("/api/v1/connectors/" + connector, tenant.apiKey());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        assertThat(scrape()).doesNotContain("connector_id=\"" + connector + "\"");
    }

    /** Public like health: no credentials needed (an operator restricts it with the management port). */
    private String scrape() {
        Response scrape = api.get("/actuator/prometheus", null);
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        return scrape.body();
    }

    /** The sample of {@code metric} whose labels are exactly {@code labels}, if the scrape has it. */
    private static OptionalDouble value(String scrape, String metric, String labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric + "{" + labels + "}") + " (\\S+)$").matcher(scrape);
        return line.find() ? OptionalDouble.of(Double.parseDouble(line.group(1))) : OptionalDouble.empty();
    }

    private long connector(int amount, String unit, Long poolId) {
        Spec spec = Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null, Var.secret("api_key", SECRET));
        Map<String, Object> fields = BuiltConnectors.limits(amount, unit, poolId);
        fields.put("name", CONNECTOR_NAME);
        return connectors.connector(spec, fields);
    }

    private Response send(long connector, String path, String prefer) {
        return api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", path), prefer == null ? Map.of() : Map.of("Prefer", prefer));
    }
}
