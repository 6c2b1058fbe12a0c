package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.BuiltConnectors.Spec;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.StubUpstream;
import dev.patchbay.support.StubUpstream.Answer;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A connection pool's GET and list show its live load: {@code "usage": {"in_flight", "waiting"}}. */
class PoolUsageApiTests extends ApiTest {

    private StubUpstream upstream;
    private Tenant tenant;
    private BuiltConnectors connectors;

    @BeforeEach
    void start() {
        upstream = new StubUpstream();
        tenant = data.company();
        connectors = new BuiltConnectors(api, tenant);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void shouldShowSlotsInFlightAndRequestsWaitingOnThePoolsGetAndList() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/hold", arrival -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        });
        long pool = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "Busy", "limit", 1, "timeout", 60))
                .at("/data/id").asLong();
        long idle = api.post("/api/v1/connection-pools", tenant.apiKey(), Map.of("name", "Idle", "limit", 3))
                .at("/data/id").asLong();
        long connector = connector(pool);
        assertThat(poolUsage(pool)).as("nothing sent yet").isEqualTo(List.of(0, 0));

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> send(connector, "/hold/1"));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> send(connector, "/hold/2"));
        awaitPoolUsage(pool, List.of(1, 1));

        Response list = api.get("/api/v1/connection-pools?sort=name", tenant.apiKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(usageOf(list.at("/data/0"))).as("Busy").isEqualTo(List.of(1, 1));
        assertThat(usageOf(list.at("/data/1"))).as("Idle").isEqualTo(List.of(0, 0));
        assertThat(list.at("/data/1/id").asLong()).isEqualTo(idle);

        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(poolUsage(pool)).as("every slot given back").isEqualTo(List.of(0, 0));
    }

    private long connector(long poolId) {
        Spec spec = Spec.of(upstream.url(), BuiltConnectors.NONE, Map.of(), null);
        Map<String, Object> body = new HashMap<>(connectors.connectorBody(connectors.implementation(spec), spec));
        body.put("rate_limit_duration", 1000);
        body.put("rate_limit_unit", "second");
        body.put("connection_pool_id", poolId);
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }

    private Response send(long connector, String path) {
        return api.send("POST", "/api/v1/connectors/" + connector + "/requests", tenant.apiKey(),
                Map.of("method", "GET", "path", path), Map.of("Prefer", "wait=60"));
    }

    private List<Integer> poolUsage(long pool) {
        Response got = api.get("/api/v1/connection-pools/" + pool, tenant.apiKey());
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return usageOf(got.at("/data"));
    }

    private static List<Integer> usageOf(JsonNode pool) {
        assertThat(pool.has("usage")).as(pool.toString()).isTrue();
        return List.of(pool.at("/usage/in_flight").asInt(), pool.at("/usage/waiting").asInt());
    }

    private void awaitPoolUsage(long pool, List<Integer> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Integer> seen;
        do {
            seen = poolUsage(pool);
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(25);
        } while (System.nanoTime() < deadline);
        assertThat(seen).isEqualTo(expected);
    }
}
