package dev.patchbay.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProcessFlowApiTests extends ApiTest {

    private static final String FLOWS = "/api/v1/process-flows";

    private long endpointOf(long systemId, int index) {
        return data.jdbc().sql("SELECT id FROM endpoints WHERE system_id = :s ORDER BY id")
                .param("s", systemId).query(Long.class).list().get(index);
    }

    private static Map<String, Object> step(long connectorId, long endpointId) {
        return Map.of("connector_id", connectorId, "endpoint_id", endpointId);
    }

    private long createFlow(Tenant tenant, String name, boolean enabled, List<Map<String, Object>> steps) {
        Response created = api.post(FLOWS, tenant.apiKey(), Map.of("name", name, "enabled", enabled, "steps", steps));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    private List<Long> ids(Response response) {
        return response.at("/data").valueStream().map(f -> f.get("id").asLong()).toList();
    }

    @Test
    void shouldCreateFlowWithOrderedStepsAndAnswer201() {
        Tenant tenant = data.company();
        long shop = data.shopifyConnector(tenant, "Shop");
        long orders = endpointOf(tenant.catalog().shopifySystemId(), 0);
        long products = endpointOf(tenant.catalog().shopifySystemId(), 1);

        Response created = api.post(FLOWS, tenant.apiKey(), Map.of("name", " Orders to ERP ", "enabled", true,
                "steps", List.of(step(shop, products), step(shop, orders))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode flow = created.at("/data");
        assertThat(flow.get("name").asString()).isEqualTo("Orders to ERP");
        assertThat(flow.get("enabled").asBoolean()).isTrue();
        assertThat(flow.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(flow.get("steps")).hasSize(2);
        assertThat(flow.at("/steps/0/id").asLong()).isPositive();
        assertThat(flow.at("/steps/0/position").asInt()).isZero();
        assertThat(flow.at("/steps/0/connector_id").asLong()).isEqualTo(shop);
        assertThat(flow.at("/steps/0/endpoint_id").asLong()).isEqualTo(products);
        assertThat(flow.at("/steps/1/endpoint_id").asLong()).isEqualTo(orders);
        Response reread = api.get(FLOWS + "/" + flow.get("id").asLong(), tenant.apiKey());
        assertThat(reread.at("/data/steps/1/endpoint_id").asLong()).isEqualTo(orders);
    }

    @Test
    void shouldDefaultToDisabledWithNoSteps() {
        Tenant tenant = data.company();

        Response created = api.post(FLOWS, tenant.apiKey(), Map.of("name", "Draft"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/enabled").asBoolean()).isFalse();
        assertThat(created.at("/data/steps")).isEmpty();
    }

    @Test
    void shouldUpdateFieldsKeepAbsentOnesAndReplaceStepsWhenSent() {
        Tenant tenant = data.company();
        long shop = data.shopifyConnector(tenant, "Shop");
        long rest = data.shopifyConnector(tenant, "Other shop");
        long endpoint = endpointOf(tenant.catalog().shopifySystemId(), 0);
        long id = createFlow(tenant, "Before", false, List.of(step(shop, endpoint)));

        Response renamed = api.put(FLOWS + "/" + id, tenant.apiKey(), Map.of("name", "After", "enabled", true));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.at("/data/name").asString()).isEqualTo("After");
        assertThat(renamed.at("/data/enabled").asBoolean()).isTrue();
        assertThat(renamed.at("/data/steps/0/connector_id").asLong()).as("absent steps are kept").isEqualTo(shop);

        Response replaced = api.put(FLOWS + "/" + id, tenant.apiKey(), Map.of("steps", List.of(step(rest, endpoint), step(shop, endpoint))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.at("/data/name").asString()).isEqualTo("After");
        assertThat(replaced.at("/data/enabled").asBoolean()).as("absent keeps").isTrue();
        assertThat(replaced.at("/data/steps")).hasSize(2);
        assertThat(replaced.at("/data/steps/0/connector_id").asLong()).isEqualTo(rest);
        assertThat(replaced.at("/data/steps/1/connector_id").asLong()).isEqualTo(shop);

        Response emptied = api.put(FLOWS + "/" + id, tenant.apiKey(), Map.of("steps", List.of()));
        assertThat(emptied.at("/data/steps")).isEmpty();
        assertThat(api.delete("/api/v1/connectors/" + shop, tenant.apiKey()).status())
                .as("a connector no step uses any more can go").isEqualTo(200);
    }

    @Test
    void shouldReportEveryInvalidFieldAndStepAtOnce() {
        Tenant tenant = data.company();
        long shop = data.shopifyConnector(tenant, "Shop");
        long shopEndpoint = endpointOf(tenant.catalog().shopifySystemId(), 0);
        long sandboxEndpoint = endpointOf(tenant.catalog().sandboxSystemId(), 0);
        List<Object> steps = new java.util.ArrayList<>();
        steps.add(step(987654321L, shopEndpoint));          // 0: connector does not exist
        steps.add(step(shop, sandboxEndpoint));                // 1: endpoint of another system
        steps.add(step(shop, 987654321L));                  // 2: endpoint does not exist
        steps.add(Map.of());                                // 3: both missing
        steps.add(null);                                    // 4: not an object
        Map<String, Object> body = new HashMap<>();
        body.put("name", "x".repeat(256));
        body.put("steps", steps);

        Response refused = api.post(FLOWS, tenant.apiKey(), body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode errors = refused.at("/errors");
        assertThat(errors.propertyNames()).containsExactlyInAnyOrder("name", "steps.0.connector_id", "steps.1.endpoint_id",
                "steps.2.endpoint_id", "steps.3.connector_id", "steps.3.endpoint_id", "steps.4");
        assertThat(errors.at("/name/0").asString()).isEqualTo("The name must not be greater than 255 characters.");
        assertThat(errors.at("/steps.0.connector_id/0").asString()).isEqualTo("The selected steps.0.connector_id is invalid.");
        assertThat(errors.at("/steps.1.endpoint_id/0").asString())
                .isEqualTo("The steps.1.endpoint_id must be an endpoint of the system of connector #" + shop + ".");
        assertThat(errors.at("/steps.2.endpoint_id/0").asString()).isEqualTo("The selected steps.2.endpoint_id is invalid.");
        assertThat(errors.at("/steps.3.connector_id/0").asString()).isEqualTo("The steps.3.connector_id field is required.");
        assertThat(errors.at("/steps.4/0").asString()).isEqualTo("The steps.4 field must be an object.");
        assertThat(refused.at("/message").asString()).endsWith("(and 6 more errors)");
        assertThat(api.get(FLOWS, tenant.apiKey()).at("/meta/total").asLong()).as("nothing written").isZero();
    }

    @Test
    void shouldRequireANameOnCreateAndRefuseABlankOneOnUpdate() {
        Tenant tenant = data.company();
        Response missing = api.post(FLOWS, tenant.apiKey(), Map.of("enabled", true));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
        Response wrongType = api.post(FLOWS, tenant.apiKey(), Map.of("name", "Typed", "steps", "all of them"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.at("/errors/steps/0").asString()).isEqualTo("The steps field must be an array.");

        long id = createFlow(tenant, "Named", false, List.of());
        Response blank = api.put(FLOWS + "/" + id, tenant.apiKey(), Map.of("name", "  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
    }

    @Test
    void shouldRefuseAnInvalidUpdateWithoutChangingTheFlowOrItsSteps() {
        Tenant tenant = data.company();
        long shop = data.shopifyConnector(tenant, "Shop");
        long endpoint = endpointOf(tenant.catalog().shopifySystemId(), 0);
        long id = createFlow(tenant, "Stable", false, List.of(step(shop, endpoint)));

        Response refused = api.put(FLOWS + "/" + id, tenant.apiKey(),
                Map.of("name", "Changed", "steps", List.of(step(shop, endpoint), step(shop, 987654321L))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors").propertyNames()).containsExactly("steps.1.endpoint_id");
        JsonNode flow = api.get(FLOWS + "/" + id, tenant.apiKey()).at("/data");
        assertThat(flow.get("name").asString()).isEqualTo("Stable");
        assertThat(flow.get("steps")).hasSize(1);
    }

    @Test
    void shouldRefuseStepsUsingAnotherCompanysConnectorOrEndpoint() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long foreignConnector = data.shopifyConnector(owner, "Owner's shop");
        long foreignEndpoint = endpointOf(owner.catalog().shopifySystemId(), 0);
        long ownConnector = data.shopifyConnector(other, "Own shop");
        long ownEndpoint = endpointOf(other.catalog().shopifySystemId(), 0);

        Response refused = api.post(FLOWS, other.apiKey(), Map.of("name", "Sneaky",
                "steps", List.of(step(foreignConnector, ownEndpoint), step(ownConnector, foreignEndpoint))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors").propertyNames()).containsExactlyInAnyOrder("steps.0.connector_id", "steps.1.endpoint_id");
        assertThat(refused.at("/errors/steps.1.endpoint_id/0").asString()).isEqualTo("The selected steps.1.endpoint_id is invalid.");
    }

    @Test
    void shouldAnswer404ForAnotherCompanysFlowAndNeverListIt() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long id = createFlow(owner, "Private", true, List.of());

        assertThat(api.get(FLOWS + "/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(FLOWS + "/" + id, other.apiKey()).at("/message").asString())
                .isEqualTo("No query results for process flow " + id + ".");
        assertThat(api.put(FLOWS + "/" + id, other.apiKey(), Map.of("name", "Stolen")).status()).isEqualTo(404);
        assertThat(api.delete(FLOWS + "/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(FLOWS, other.apiKey()).at("/meta/total").asLong()).isZero();
        assertThat(api.get(FLOWS + "/" + id, owner.apiKey()).at("/data/name").asString()).isEqualTo("Private");
    }

    @Test
    void shouldDeleteFlowWithItsStepsSoItsConnectorCanGo() {
        Tenant tenant = data.company();
        long shop = data.shopifyConnector(tenant, "Shop");
        long id = createFlow(tenant, "Doomed", true, List.of(step(shop, endpointOf(tenant.catalog().shopifySystemId(), 0))));
        assertThat(api.delete("/api/v1/connectors/" + shop, tenant.apiKey()).status()).as("in use").isEqualTo(422);

        Response deleted = api.delete(FLOWS + "/" + id, tenant.apiKey());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/message").asString()).isEqualTo("Process flow deleted.");
        assertThat(api.get(FLOWS + "/" + id, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/connectors/" + shop, tenant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void shouldFilterByNameAndEnabled() {
        Tenant tenant = data.company();
        long orders = createFlow(tenant, "Orders to ERP", true, List.of());
        long stock = createFlow(tenant, "Stock sync", false, List.of());
        long refunds = createFlow(tenant, "Refunds to ERP", false, List.of());

        assertThat(ids(api.get(FLOWS + "?filter%5Bname%5D=erp", tenant.apiKey()))).containsExactly(orders, refunds);
        assertThat(ids(api.get(FLOWS + "?filter%5Bname%5D=STOCK,orders", tenant.apiKey()))).containsExactly(orders, stock);
        assertThat(ids(api.get(FLOWS + "?filter%5Benabled%5D=true", tenant.apiKey()))).containsExactly(orders);
        assertThat(ids(api.get(FLOWS + "?filter%5Benabled%5D=0", tenant.apiKey()))).containsExactly(stock, refunds);
        assertThat(ids(api.get(FLOWS + "?filter%5Benabled%5D=false&filter%5Bname%5D=erp", tenant.apiKey())))
                .containsExactly(refunds);
        assertThat(ids(api.get(FLOWS + "?filter%5Benabled%5D=maybe", tenant.apiKey()))).isEmpty();
    }

    @Test
    void shouldSortByNameAndCreatedAtAndRefuseUnknownQueryParameters() {
        Tenant tenant = data.company();
        long b = createFlow(tenant, "Bravo", false, List.of());
        long a = createFlow(tenant, "Alpha", false, List.of());

        assertThat(ids(api.get(FLOWS + "?sort=name", tenant.apiKey()))).containsExactly(a, b);
        assertThat(ids(api.get(FLOWS + "?sort=-name", tenant.apiKey()))).containsExactly(b, a);
        assertThat(ids(api.get(FLOWS + "?sort=created_at", tenant.apiKey()))).containsExactly(b, a);
        assertThat(ids(api.get(FLOWS + "?sort=-created_at", tenant.apiKey()))).containsExactly(a, b);

        Response sort = api.get(FLOWS + "?sort=enabled", tenant.apiKey());
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.at("/message").asString()).contains("enabled").contains("name, created_at");
        Response filter = api.get(FLOWS + "?filter%5Bconnector%5D=1", tenant.apiKey());
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.at("/message").asString()).contains("connector").contains("name, enabled");
        assertThat(api.get(FLOWS + "?include=steps", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void shouldListFlowsWithTheirStepsInTheSameNumberOfQueriesWhateverThePageSize() {
        Tenant small = data.company();
        Tenant large = data.company();
        long smallShop = data.shopifyConnector(small, "Shop");
        long largeShop = data.shopifyConnector(large, "Shop");
        createFlow(small, "Only", true, List.of(step(smallShop, endpointOf(small.catalog().shopifySystemId(), 0))));
        for (int i = 0; i < 6; i++) {
            createFlow(large, "Flow " + i, true, List.of(step(largeShop, endpointOf(large.catalog().shopifySystemId(), 0)),
                    step(largeShop, endpointOf(large.catalog().shopifySystemId(), 1))));
        }

        // login tokens, not API keys: a key is remembered for 500 ms, so whether its lookup falls inside a measured request would depend on timing
        String smallCaller = Api.bearer(data.login(small.adminEmail(), small.adminPassword()));
        String largeCaller = Api.bearer(data.login(large.adminEmail(), large.adminPassword()));
        long before = queries.count();
        api.get(FLOWS, smallCaller);
        long forSmall = queries.count() - before;
        before = queries.count();
        Response largeList = api.get(FLOWS, largeCaller);
        long forLarge = queries.count() - before;

        assertThat(largeList.at("/data")).hasSize(6);
        assertThat(largeList.at("/data/5/steps")).hasSize(2);
        assertThat(forLarge).isEqualTo(forSmall);
    }

    @Test
    void shouldShowAConnectorsProcessFlowsThroughItsIncludes() {
        Tenant tenant = data.company();
        long used = data.shopifyConnector(tenant, "Used");
        long unused = data.shopifyConnector(tenant, "Unused");
        long endpoint = endpointOf(tenant.catalog().shopifySystemId(), 0);
        long first = createFlow(tenant, "First", true, List.of(step(used, endpoint), step(used, endpoint)));
        long second = createFlow(tenant, "Second", false, List.of(step(used, endpoint)));
        createFlow(tenant, "Elsewhere", false, List.of());

        Response list = api.get("/api/v1/connectors?include=processFlows,processFlows_count,processFlowsExists", tenant.apiKey());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode usedNode = list.at("/data/0");
        assertThat(usedNode.get("id").asLong()).isEqualTo(used);
        assertThat(usedNode.get("process_flows").valueStream().map(f -> f.get("id").asLong())).containsExactly(first, second);
        assertThat(usedNode.at("/process_flows/0/name").asString()).isEqualTo("First");
        assertThat(usedNode.at("/process_flows/0/steps")).hasSize(2);
        assertThat(usedNode.get("process_flows_count").asInt()).isEqualTo(2);
        assertThat(usedNode.get("process_flows_exists").asBoolean()).isTrue();
        JsonNode unusedNode = list.at("/data/1");
        assertThat(unusedNode.get("id").asLong()).isEqualTo(unused);
        assertThat(unusedNode.get("process_flows")).isEmpty();
        assertThat(unusedNode.get("process_flows_count").asInt()).isZero();
        assertThat(unusedNode.get("process_flows_exists").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/connectors/" + used + "?include=processFlows", tenant.apiKey()).at("/data/process_flows"))
                .hasSize(2);
    }

    @Test
    void shouldLetStandardUsersAndReadOnlyKeysReadButNotWrite() {
        Tenant tenant = data.company();
        long id = createFlow(tenant, "Guarded", false, List.of());
        String standard = data.userWithRole(tenant, "standard");
        String manager = data.userWithRole(tenant, "manager");
        String readOnlyKey = data.readOnlyApiKey(tenant);

        for (String reader : List.of(standard, readOnlyKey)) {
            assertThat(api.get(FLOWS, reader).status()).isEqualTo(200);
            assertThat(api.get(FLOWS + "/" + id, reader).status()).isEqualTo(200);
            assertThat(api.post(FLOWS, reader, Map.of("name", "No")).status()).isEqualTo(403);
            assertThat(api.put(FLOWS + "/" + id, reader, Map.of("name", "No")).status()).isEqualTo(403);
            assertThat(api.delete(FLOWS + "/" + id, reader).status()).isEqualTo(403);
        }
        assertThat(api.post(FLOWS, manager, Map.of("name", "By a manager")).status()).isEqualTo(201);
        assertThat(api.put(FLOWS + "/" + id, manager, Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(api.get(FLOWS + "/" + id, tenant.apiKey()).at("/data/enabled").asBoolean()).isTrue();
    }
}
