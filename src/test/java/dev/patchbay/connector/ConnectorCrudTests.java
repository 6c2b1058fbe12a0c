package dev.patchbay.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectorCrudTests extends ApiTest {

    @Test
    void shouldCreateConnectorAndAnswerWithEveryContractFieldAndItsVariables() {
        Tenant tenant = data.company();
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), data.shopifyBody(tenant, "Main shop"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode connector = created.at("/data");
        assertThat(connector.get("id").asLong()).isPositive();
        assertThat(connector.get("name").asString()).isEqualTo("Main shop");
        assertThat(connector.get("authentication_implementation_id").asLong()).isEqualTo(tenant.catalog().shopifyTokenAuthId());
        assertThat(connector.get("timezone").asString()).isEqualTo("Europe/London");
        assertThat(connector.get("date_format").asString()).isEqualTo("Y-m-d H:i:s");
        assertThat(connector.get("rate_limit_unit").asString()).isEqualTo("minute");
        assertThat(connector.get("rate_limit_duration").asInt()).isEqualTo(40);
        assertThat(connector.get("type").asString()).isEqualTo("http");
        for (String nullable : List.of("connection_pool_id", "certificate_id", "session_id", "platform_app_key")) {
            assertThat(connector.has(nullable)).as(nullable).isTrue();
            assertThat(connector.get(nullable).isNull()).as(nullable).isTrue();
        }
        assertThat(connector.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(connector.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(connector.at("/system/canonical_key").asString()).isEqualTo("shopify");

        JsonNode variables = connector.get("variables");
        assertThat(variables).hasSize(3); // shop, access_token, and the template's locked api_version
        assertThat(variables.get(0).get("key").asString()).isEqualTo("shop");
        assertThat(variables.get(0).get("value").asString()).isEqualTo("acme");
        assertThat(variables.get(0).at("/pivot/required").asBoolean()).isTrue();
        assertThat(variables.get(1).get("value").asString()).isEqualTo("********");
        assertThat(variables.get(2).get("key").asString()).isEqualTo("api_version");
        assertThat(variables.get(2).get("value").asString()).isEqualTo("2024-10");
        assertThat(variables.get(2).get("locked").asBoolean()).isTrue();
    }

    @Test
    void shouldGetConnectorById() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop A");

        Response response = api.get("/api/v1/connectors/" + id, tenant.apiKey());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/data/id").asLong()).isEqualTo(id);
        assertThat(response.at("/data/name").asString()).isEqualTo("Shop A");
        assertThat(response.at("/data").has("variables")).as("variables only when included").isFalse();
    }

    @Test
    void shouldListOnlyTheCallersConnectorsOrderedById() {
        Tenant tenant = data.company();
        long first = data.shopifyConnector(tenant, "Zeta");
        long second = data.shopifyConnector(tenant, "Alpha");

        Response response = api.get("/api/v1/connectors", tenant.apiKey());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/data").valueStream().map(c -> c.get("id").asLong())).containsExactly(first, second);
        assertThat(response.at("/meta/total").asLong()).isEqualTo(2);
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndVariables() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Before");
        JsonNode variables = api.get("/api/v1/connectors/" + id + "?include=variables", tenant.apiKey()).at("/data/variables");
        long shopVariable = variables.get(0).get("id").asLong();

        Response updated = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of(
                "name", "After",
                "rate_limit_unit", "second",
                "rate_limit_duration", 3,
                "variables", List.of(Map.of("id", shopVariable, "value", "acme-eu", "label", "Shop (EU)"))));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/data/name").asString()).isEqualTo("After");
        assertThat(updated.at("/data/rate_limit_unit").asString()).isEqualTo("second");
        assertThat(updated.at("/data/rate_limit_duration").asInt()).isEqualTo(3);
        assertThat(updated.at("/data/timezone").asString()).as("absent fields are kept").isEqualTo("Europe/London");
        assertThat(updated.at("/data/variables/0/value").asString()).isEqualTo("acme-eu");
        assertThat(updated.at("/data/variables/0/label").asString()).isEqualTo("Shop (EU)");
        assertThat(updated.at("/data/variables/1/value").asString()).isEqualTo("********");
        Response reread = api.get("/api/v1/connectors/" + id + "?include=variables", tenant.apiKey());
        assertThat(reread.at("/data/name").asString()).isEqualTo("After");
        assertThat(reread.at("/data/variables/0/value").asString()).isEqualTo("acme-eu");
    }

    @Test
    void shouldAttachAndDetachPoolAndCertificateOnUpdate() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Pooled");
        long pool = data.pool(tenant, "Shared");
        long certificate = data.certificate(tenant, "Client cert");

        Response attached = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("connection_pool_id", pool, "certificate_id", certificate, "variables", List.of()));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.at("/data/connection_pool_id").asLong()).isEqualTo(pool);
        assertThat(attached.at("/data/certificate_id").asLong()).isEqualTo(certificate);

        Response kept = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of("name", "Still pooled", "variables", List.of()));
        assertThat(kept.at("/data/connection_pool_id").asLong()).as("absent keeps").isEqualTo(pool);

        Response detached = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                "{\"connection_pool_id\": null, \"certificate_id\": null, \"variables\": []}");
        assertThat(detached.status()).as(detached.toString()).isEqualTo(200);
        assertThat(detached.at("/data/connection_pool_id").isNull()).isTrue();
        assertThat(detached.at("/data/certificate_id").isNull()).isTrue();
    }

    @Test
    void shouldDeleteConnectorAndAnswerWithMessage() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Doomed");

        Response deleted = api.delete("/api/v1/connectors/" + id, tenant.apiKey());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/message").asString()).isEqualTo("Connector deleted.");
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(data.jdbc().sql("SELECT count(*) FROM variables WHERE connector_id = :id").param("id", id)
                .query(Long.class).single()).as("variables removed with it").isZero();
    }

    @Test
    void shouldRefuseToDeleteConnectorUsedByProcessFlowsNamingThemAndDeleteNothing() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "In use");
        data.processFlowUsing(tenant, id, "Orders to ERP", true);
        data.processFlowUsing(tenant, id, "Old stock sync", false);

        Response refused = api.delete("/api/v1/connectors/" + id, tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/message").asString()).contains("Orders to ERP").contains("Old stock sync");
        assertThat(refused.at("/errors/process_flows")).hasSize(2);
        assertThat(api.get("/api/v1/connectors/" + id + "?include=variables", tenant.apiKey()).at("/data/variables"))
                .as("nothing deleted").hasSize(3);
    }

    @Test
    void shouldAnswer404ForUnknownOrNonNumericIds() {
        Tenant tenant = data.company();
        for (String path : List.of("/api/v1/connectors/987654321", "/api/v1/connectors/abc")) {
            Response response = api.get(path, tenant.apiKey());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.at("/message").asString()).startsWith("No query results for connector");
        }
        assertThat(api.put("/api/v1/connectors/987654321", tenant.apiKey(), Map.of("variables", List.of())).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/connectors/987654321", tenant.apiKey()).status()).isEqualTo(404);
    }
}
