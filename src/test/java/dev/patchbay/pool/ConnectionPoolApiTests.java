package dev.patchbay.pool;

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

class ConnectionPoolApiTests extends ApiTest {

    private static final String POOLS = "/api/v1/connection-pools";
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

    private long createPool(Tenant tenant, String name, int limit) {
        Response created = api.post(POOLS, tenant.apiKey(), Map.of("name", name, "limit", limit, "timeout", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    private List<Long> ids(Response response) {
        return response.at("/data").valueStream().map(p -> p.get("id").asLong()).toList();
    }

    @Test
    void shouldCreatePoolAndAnswer201WithItsFields() {
        Tenant tenant = data.company();

        Response created = api.post(POOLS, tenant.apiKey(), Map.of("name", "  Shared ERP  ", "limit", 5, "timeout", 20));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode pool = created.at("/data");
        assertThat(pool.get("id").asLong()).isPositive();
        assertThat(pool.get("name").asString()).isEqualTo("Shared ERP");
        assertThat(pool.get("limit").asInt()).isEqualTo(5);
        assertThat(pool.get("timeout").asInt()).isEqualTo(20);
        assertThat(pool.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(pool.get("updated_at").asString()).matches(TIMESTAMP);
        Response reread = api.get(POOLS + "/" + pool.get("id").asLong(), tenant.apiKey());
        assertThat(reread.status()).isEqualTo(200);
        assertThat(reread.at("/data/name").asString()).isEqualTo("Shared ERP");
    }

    @Test
    void shouldCreatePoolWithoutTimeoutAsNull() {
        Tenant tenant = data.company();

        Response created = api.post(POOLS, tenant.apiKey(), Map.of("name", "No wait", "limit", 1));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data").has("timeout")).isTrue();
        assertThat(created.at("/data/timeout").isNull()).isTrue();
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndClearTimeoutWithExplicitNull() {
        Tenant tenant = data.company();
        long id = createPool(tenant, "Before", 5);

        Response renamed = api.put(POOLS + "/" + id, tenant.apiKey(), Map.of("name", "After"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.at("/data/name").asString()).isEqualTo("After");
        assertThat(renamed.at("/data/limit").asInt()).as("absent keeps").isEqualTo(5);
        assertThat(renamed.at("/data/timeout").asInt()).as("absent keeps").isEqualTo(30);

        Response cleared = api.put(POOLS + "/" + id, tenant.apiKey(), "{\"limit\": 9, \"timeout\": null}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.at("/data/limit").asInt()).isEqualTo(9);
        assertThat(cleared.at("/data/timeout").isNull()).isTrue();
        assertThat(api.get(POOLS + "/" + id, tenant.apiKey()).at("/data/timeout").isNull()).isTrue();
    }

    @Test
    void shouldReportEveryInvalidFieldOfACreateAtOnce() {
        Tenant tenant = data.company();

        Response missing = api.post(POOLS, tenant.apiKey(), Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/message").asString()).isEqualTo("The name field is required. (and 1 more error)");
        assertThat(missing.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
        assertThat(missing.at("/errors/limit/0").asString()).isEqualTo("The limit field is required.");

        Response invalid = api.post(POOLS, tenant.apiKey(), Map.of("name", "x".repeat(256), "limit", 0, "timeout", 0));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.at("/errors/name/0").asString()).isEqualTo("The name must not be greater than 255 characters.");
        assertThat(invalid.at("/errors/limit/0").asString()).isEqualTo("The limit field must be at least 1.");
        assertThat(invalid.at("/errors/timeout/0").asString()).isEqualTo("The timeout field must be at least 1.");

        Response fractions = api.post(POOLS, tenant.apiKey(), Map.of("name", "   ", "limit", 1.5, "timeout", 2.5));
        assertThat(fractions.status()).isEqualTo(422);
        assertThat(fractions.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
        assertThat(fractions.at("/errors/limit/0").asString()).isEqualTo("The limit field must be an integer.");
        assertThat(fractions.at("/errors/timeout/0").asString()).isEqualTo("The timeout field must be an integer.");

        Response tooLarge = api.post(POOLS, tenant.apiKey(), Map.of("name", "Big", "limit", 3_000_000_000L));
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.at("/errors/limit/0").asString()).isEqualTo("The limit field must not be greater than 2147483647.");

        Response wrongType = api.post(POOLS, tenant.apiKey(), Map.of("name", "Typed", "limit", "many"));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.at("/errors/limit/0").asString()).isEqualTo("The limit field must be an integer.");

        assertThat(api.get(POOLS, tenant.apiKey()).at("/meta/total").asLong()).as("nothing written").isZero();
    }

    @Test
    void shouldRefuseInvalidUpdateAndKeepThePool() {
        Tenant tenant = data.company();
        long id = createPool(tenant, "Kept", 5);

        Response refused = api.put(POOLS + "/" + id, tenant.apiKey(), Map.of("name", "", "limit", -1, "timeout", 0));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors").propertyNames()).containsExactlyInAnyOrder("name", "limit", "timeout");
        JsonNode pool = api.get(POOLS + "/" + id, tenant.apiKey()).at("/data");
        assertThat(pool.get("name").asString()).isEqualTo("Kept");
        assertThat(pool.get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void shouldDeleteAnUnusedPool() {
        Tenant tenant = data.company();
        long id = createPool(tenant, "Doomed", 2);

        Response deleted = api.delete(POOLS + "/" + id, tenant.apiKey());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/message").asString()).isEqualTo("Connection pool deleted.");
        assertThat(api.get(POOLS + "/" + id, tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseToDeleteAPoolUsedByConnectorsNamingThem() {
        Tenant tenant = data.company();
        long id = createPool(tenant, "In use", 2);
        long first = data.shopifyConnector(tenant, "Main shop", Map.of("connection_pool_id", id));
        long second = data.shopifyConnector(tenant, "EU shop", Map.of("connection_pool_id", id));

        Response refused = api.delete(POOLS + "/" + id, tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/message").asString())
                .contains("used by 2 connectors").contains("Main shop (#" + first + ")").contains("EU shop (#" + second + ")");
        assertThat(refused.at("/errors/connectors")).hasSize(2);
        assertThat(api.get(POOLS + "/" + id, tenant.apiKey()).status()).as("nothing deleted").isEqualTo(200);
    }

    @Test
    void shouldAnswer404ForAnotherCompanysPoolAndNeverListIt() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long id = createPool(owner, "Private", 3);

        assertThat(api.get(POOLS + "/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(POOLS + "/" + id, other.apiKey()).at("/message").asString())
                .isEqualTo("No query results for connection pool " + id + ".");
        assertThat(api.put(POOLS + "/" + id, other.apiKey(), Map.of("name", "Stolen")).status()).isEqualTo(404);
        assertThat(api.delete(POOLS + "/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(POOLS, other.apiKey()).at("/meta/total").asLong()).isZero();
        assertThat(api.get(POOLS + "/" + id, owner.apiKey()).at("/data/name").asString()).as("untouched").isEqualTo("Private");
        assertThat(api.get(POOLS + "/abc", owner.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAConnectorReferencingAnotherCompanysPool() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long id = createPool(owner, "Private", 3);
        Map<String, Object> body = new HashMap<>(data.shopifyBody(other, "Sneaky"));
        body.put("connection_pool_id", id);

        Response refused = api.post("/api/v1/connectors", other.apiKey(), body);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/connection_pool_id/0").asString()).isEqualTo("The selected connection pool id is invalid.");
    }

    @Test
    void shouldIncludeConnectorsTheirCountExistenceAndSystem() {
        Tenant tenant = data.company();
        long used = createPool(tenant, "Used", 2);
        long empty = createPool(tenant, "Empty", 2);
        long connector = data.shopifyConnector(tenant, "Pooled shop", Map.of("connection_pool_id", used));
        data.shopifyConnector(tenant, "Unpooled shop");

        Response list = api.get(POOLS + "?include=connectors.system,connectors_count,connectorsExists", tenant.apiKey());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(used, empty);
        JsonNode first = list.at("/data/0");
        assertThat(first.get("connectors")).hasSize(1);
        assertThat(first.at("/connectors/0/id").asLong()).isEqualTo(connector);
        assertThat(first.at("/connectors/0/name").asString()).isEqualTo("Pooled shop");
        assertThat(first.at("/connectors/0/connection_pool_id").asLong()).isEqualTo(used);
        assertThat(first.at("/connectors/0/system/canonical_key").asString()).isEqualTo("shopify");
        assertThat(first.at("/connectors/0").has("variables")).as("a connector's credentials stay behind its own API").isFalse();
        assertThat(first.get("connectors_count").asInt()).isEqualTo(1);
        assertThat(first.get("connectors_exists").asBoolean()).isTrue();
        JsonNode second = list.at("/data/1");
        assertThat(second.get("connectors")).isEmpty();
        assertThat(second.get("connectors_count").asInt()).isZero();
        assertThat(second.get("connectors_exists").asBoolean()).isFalse();

        Response one = api.get(POOLS + "/" + used + "?include=connectors", tenant.apiKey());
        assertThat(one.at("/data/connectors/0/id").asLong()).isEqualTo(connector);
        assertThat(one.at("/data/connectors/0").has("system")).as("only when included").isFalse();
        assertThat(api.get(POOLS + "/" + used, tenant.apiKey()).at("/data").has("connectors")).isFalse();
    }

    @Test
    void shouldFilterByPartOfTheNameIgnoringCaseWithCommasMeaningAny() {
        Tenant tenant = data.company();
        long erp = createPool(tenant, "ERP shared", 2);
        long shop = createPool(tenant, "Shopify pool", 2);
        createPool(tenant, "Other", 2);

        assertThat(ids(api.get(POOLS + "?filter%5Bname%5D=erp", tenant.apiKey()))).containsExactly(erp);
        assertThat(ids(api.get(POOLS + "?filter%5Bname%5D=SHOP,erp", tenant.apiKey()))).containsExactly(erp, shop);
        assertThat(ids(api.get(POOLS + "?filter%5Bname%5D=100%25", tenant.apiKey()))).as("% is no wildcard").isEmpty();
    }

    @Test
    void shouldSortByNameLimitAndCreatedAt() {
        Tenant tenant = data.company();
        long b = createPool(tenant, "Bravo", 1);
        long a = createPool(tenant, "Alpha", 9);
        long c = createPool(tenant, "Charlie", 5);

        assertThat(ids(api.get(POOLS + "?sort=name", tenant.apiKey()))).containsExactly(a, b, c);
        assertThat(ids(api.get(POOLS + "?sort=-name", tenant.apiKey()))).containsExactly(c, b, a);
        assertThat(ids(api.get(POOLS + "?sort=-limit", tenant.apiKey()))).containsExactly(a, c, b);
        assertThat(ids(api.get(POOLS + "?sort=limit", tenant.apiKey()))).containsExactly(b, c, a);
        assertThat(ids(api.get(POOLS + "?sort=created_at", tenant.apiKey()))).containsExactly(b, a, c);
        assertThat(ids(api.get(POOLS + "?sort=-created_at", tenant.apiKey()))).containsExactly(c, a, b);
        assertThat(ids(api.get(POOLS, tenant.apiKey()))).as("default order by id").containsExactly(b, a, c);
    }

    @Test
    void shouldAnswer400NamingTheAllowedValuesForUnknownIncludeFilterOrSort() {
        Tenant tenant = data.company();

        Response include = api.get(POOLS + "?include=variables", tenant.apiKey());
        assertThat(include.status()).isEqualTo(400);
        assertThat(include.at("/message").asString()).contains("`variables`").contains("connectors.system");
        Response filter = api.get(POOLS + "?filter%5Blimit%5D=3", tenant.apiKey());
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.at("/message").asString()).contains("`limit`").contains("name");
        Response sort = api.get(POOLS + "?sort=timeout", tenant.apiKey());
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.at("/message").asString()).contains("timeout").contains("created_at");
        assertThat(api.get(POOLS + "/1?include=variables", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void shouldPageWithTheContractsMeta() {
        Tenant tenant = data.company();
        for (int i = 0; i < 3; i++) {
            createPool(tenant, "Pool " + i, 1);
        }

        Response page = api.get(POOLS + "?per_page=2&page=2", tenant.apiKey());

        assertThat(page.at("/data")).hasSize(1);
        assertThat(page.at("/meta/total").asLong()).isEqualTo(3);
        assertThat(page.at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(page.at("/links/prev").asString()).contains("page=1");
    }

    @Test
    void shouldLoadIncludesWithTheSameNumberOfQueriesWhateverThePageSize() {
        Tenant small = data.company();
        Tenant large = data.company();
        for (int i = 0; i < 2; i++) {
            long pool = createPool(small, "Small " + i, 1);
            data.shopifyConnector(small, "Shop " + i, Map.of("connection_pool_id", pool));
        }
        for (int i = 0; i < 8; i++) {
            long pool = createPool(large, "Large " + i, 1);
            data.shopifyConnector(large, "Shop " + i, Map.of("connection_pool_id", pool));
        }
        String path = POOLS + "?include=connectors.system,connectors_count,connectorsExists";

        // login tokens, not API keys: a key is remembered for 500 ms, so whether its lookup falls inside a measured request would depend on timing
        String smallCaller = Api.bearer(data.login(small.adminEmail(), small.adminPassword()));
        String largeCaller = Api.bearer(data.login(large.adminEmail(), large.adminPassword()));
        long before = queries.count();
        api.get(path, smallCaller);
        long forSmall = queries.count() - before;
        before = queries.count();
        Response largeList = api.get(path, largeCaller);
        long forLarge = queries.count() - before;

        assertThat(largeList.at("/data")).hasSize(8);
        assertThat(forLarge).isEqualTo(forSmall);
    }

    @Test
    void shouldLetStandardUsersAndReadOnlyKeysReadButNotWrite() {
        Tenant tenant = data.company();
        long id = createPool(tenant, "Guarded", 2);
        String standard = data.userWithRole(tenant, "standard");
        String manager = data.userWithRole(tenant, "manager");
        String readOnlyKey = data.readOnlyApiKey(tenant);

        for (String reader : List.of(standard, readOnlyKey)) {
            assertThat(api.get(POOLS, reader).status()).isEqualTo(200);
            assertThat(api.get(POOLS + "/" + id, reader).status()).isEqualTo(200);
            assertThat(api.post(POOLS, reader, Map.of("name", "No", "limit", 1)).status()).isEqualTo(403);
            assertThat(api.put(POOLS + "/" + id, reader, Map.of("name", "No")).status()).isEqualTo(403);
            assertThat(api.delete(POOLS + "/" + id, reader).status()).isEqualTo(403);
        }
        assertThat(api.post(POOLS, manager, Map.of("name", "By a manager", "limit", 1)).status()).isEqualTo(201);
        assertThat(api.put(POOLS + "/" + id, manager, Map.of("name", "Renamed")).status()).isEqualTo(200);
        assertThat(api.get(POOLS, null).status()).isEqualTo(401);
        assertThat(api.get(POOLS + "/" + id, tenant.apiKey()).at("/data/name").asString()).isEqualTo("Renamed");
    }
}
