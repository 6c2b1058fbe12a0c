package dev.patchbay.connector;

import static dev.patchbay.connector.ConnectorQueryFixtures.CONNECTORS;
import static dev.patchbay.connector.ConnectorQueryFixtures.insertRows;
import static dev.patchbay.connector.ConnectorQueryFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN §3: "a list costs a fixed number of queries per include level, independent of the page
 * size". A page of 5 and a page of 100 with every relation included must cost the same statements, and the
 * queries of one include level travel together: one round trip per level.
 */
class QueryCountTests extends ApiTest {

    /** Every leaf of the connectors' include graph; loading them loads every prefix too. */
    private static final String DEEPEST = String.join(",",
            "authenticationImplementation.authenticationType",
            "authenticationImplementation.system.logo",
            "authenticationImplementation.system.systemType",
            "authenticationImplementation.endpoints.filters",
            "authenticationImplementation.endpoints.endpointSchema",
            "authenticationImplementation.endpoints.system.logo",
            "authenticationImplementation.endpoints.entityType",
            "authenticationImplementation.endpoints.fieldTags",
            "authenticationImplementation.endpoints.variables",
            "variables",
            "certificate.user");

    private static final String EVERYTHING = String.join(",", ConnectorIncludeTests.ALLOWED_INCLUDES);

    /**
     * {@code caller} is a login token: an API key is remembered for half a second, so whether its lookup
     * falls inside a measured request would depend on the machine's speed; a token's user read does not.
     */
    private record Hundred(Tenant tenant, String caller, List<Long> ids, long adminCertificate, long managerCertificate,
            long managerId) {}

    /**
     * 100 connectors of one company over three systems and two certificates uploaded by two users,
     * mixed so that the first five already reach every relation (Shopify with endpoints and a
     * certificate, the sandbox with another user's certificate, REST without either).
     */
    private Hundred hundredConnectors() {
        Tenant tenant = data.company();
        String admin = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        Response manager = api.post("/api/v1/users", admin,
                Map.of("name", "A manager", "email", "manager-" + tenant.id() + "@example.test", "password", "manager-password-1",
                        "role", "manager"));
        assertThat(manager.status()).as(manager.toString()).isEqualTo(201);
        long managerId = manager.at("/data/id").asLong();
        long adminCertificate = data.certificate(tenant, "Admin's cert");
        long managerCertificate = data.jdbc().sql("INSERT INTO certificates (company_id, user_id, name, format, "
                        + "content_encrypted, subject, expires_at) VALUES (:c, :u, 'Manager''s cert', 'pem', 'v1:test:BBBB', "
                        + "'CN=other.example.test', now() + interval '30 days') RETURNING id")
                .param("c", tenant.id()).param("u", managerId).query(Long.class).single();
        var catalog = tenant.catalog();
        List<Long> ids = new ArrayList<>();
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.shopifyTokenAuthId(), "Shop", 2, adminCertificate));
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.sandboxTokenAuthId(), "Sandbox", 2, managerCertificate));
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.restNoAuthId(), "Rest", 1, null));
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.shopifyTokenAuthId(), "More shop", 40, adminCertificate));
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.sandboxTokenAuthId(), "More sandbox", 25, managerCertificate));
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.restNoAuthId(), "More rest", 15, null));
        ids.addAll(insertRows(data.jdbc(), tenant, catalog.restBasicAuthId(), "Basic rest", 15, null));
        assertThat(ids).hasSize(100);
        return new Hundred(tenant, admin, ids, adminCertificate, managerCertificate, managerId);
    }

    /**
     * The round trips and statements one request costs, read right before and after it (the caller's user lookup
     * included).
     */
    private record Measured(Response response, long roundTrips, long statements) {}

    private Measured measure(Hundred hundred, String path) {
        long roundTripsBefore = queries.count();
        long statementsBefore = queries.statements();
        Response response = api.get(path, hundred.caller());
        long roundTrips = queries.count() - roundTripsBefore;
        long statements = queries.statements() - statementsBefore;
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Measured(response, roundTrips, statements);
    }

    @Test
    void shouldCostTheSameStatementsForFiveAndForAHundredRowsWithTheDeepestIncludes() {
        Hundred hundred = hundredConnectors();
        api.get(CONNECTORS + "?per_page=1&include=" + DEEPEST, hundred.caller()); // warm-up, not measured

        Measured five = measure(hundred, CONNECTORS + "?per_page=5&include=" + DEEPEST);
        Measured all = measure(hundred, CONNECTORS + "?per_page=100&include=" + DEEPEST);

        assertThat(five.response().at("/data")).hasSize(5);
        assertThat(all.response().at("/data")).hasSize(100);
        assertThat(all.statements())
                .as("statements for 100 rows (%d) must equal those for 5 rows (%d): no query per row",
                        all.statements(), five.statements())
                .isEqualTo(five.statements());
        assertThat(all.roundTrips()).as("round trips for 100 rows and for 5").isEqualTo(five.roundTrips());
        Measured plain = measure(hundred, CONNECTORS + "?per_page=5");
        assertThat(plain.statements())
                .as("a plain list: the caller's user, then the total and the page")
                .isEqualTo(3);
        assertThat(plain.roundTrips()).as("the total and the page travel together").isEqualTo(2);
        // The tree has 16 relations over four levels. The endpoints' systems (level 3) and their logos (level 4)
        // are the rows already loaded for the implementations' systems and logos (levels 2 and 3), so they cost
        // nothing, and level 4 has nothing left to ask: 14 statements in 3 round trips.
        assertThat(five.statements() - plain.statements())
                .as("the deepest includes cost one statement per relation, less the two whose rows an earlier level "
                        + "loaded: %d with them, %d without", five.statements(), plain.statements())
                .isEqualTo(14);
        assertThat(five.roundTrips() - plain.roundTrips())
                .as("one round trip per include level that has something to load: %d with them, %d without",
                        five.roundTrips(), plain.roundTrips())
                .isEqualTo(3);
        assertEveryRowHasItsNestedIncludes(hundred, all.response());
    }

    @Test
    void shouldCostTheSameStatementsForFiveAndForAHundredRowsWithEveryAllowedInclude() {
        Hundred hundred = hundredConnectors();
        api.get(CONNECTORS + "?per_page=1&include=" + EVERYTHING, hundred.caller()); // warm-up, not measured

        Measured five = measure(hundred, CONNECTORS + "?per_page=5&include=" + EVERYTHING);
        Measured all = measure(hundred, CONNECTORS + "?per_page=100&include=" + EVERYTHING);

        assertThat(all.response().at("/data")).hasSize(100);
        assertThat(all.statements())
                .as("statements for 100 rows (%d) must equal those for 5 rows (%d) with every include, counts and flags",
                        all.statements(), five.statements())
                .isEqualTo(five.statements());
        JsonNode last = all.response().at("/data/99");
        assertThat(last.get("variables_count").asInt()).isEqualTo(3);
        assertThat(last.get("authentication_implementation_exists").asBoolean()).isTrue();
        assertThat(last.get("certificate_exists").asBoolean()).isFalse();
    }

    @Test
    void shouldCostTheSameStatementsForASingleConnectorAsForAPageOfOne() {
        Hundred hundred = hundredConnectors();
        api.get(CONNECTORS + "/" + hundred.ids().get(0) + "?include=" + DEEPEST, hundred.caller()); // warm-up

        Measured single = measure(hundred, CONNECTORS + "/" + hundred.ids().get(0) + "?include=" + DEEPEST);
        Measured page = measure(hundred, CONNECTORS + "?per_page=1&include=" + DEEPEST);

        assertThat(single.response().at("/data")).isEqualTo(page.response().at("/data/0"));
        assertThat(single.statements()).as("single GET: %d statements, page of one: %d (which also counts its total)",
                single.statements(), page.statements()).isEqualTo(page.statements() - 1);
        assertThat(single.roundTrips()).as("the page's total travels with the page").isEqualTo(page.roundTrips());
    }

    private static void assertEveryRowHasItsNestedIncludes(Hundred hundred, Response response) {
        List<JsonNode> rows = items(response.at("/data"));
        assertThat(rows).extracting(row -> row.get("id").asLong()).containsExactlyElementsOf(hundred.ids());
        for (JsonNode row : rows) {
            String name = row.get("name").asString();
            JsonNode implementation = row.get("authentication_implementation");
            assertThat(implementation.get("id").asLong()).as(name).isEqualTo(row.get("authentication_implementation_id").asLong());
            assertThat(implementation.at("/authentication_type/key").asString()).as(name).isNotEmpty();
            assertThat(implementation.at("/system/system_type/name").asString()).as(name).isNotEmpty();
            assertThat(items(row.get("variables"))).as(name).extracting(v -> v.get("key").asString())
                    .containsExactly("shop", "access_token", "api_version");
            assertThat(row.at("/variables/1/value").asString()).as(name).isEqualTo("********");
            if (name.startsWith("Shop") || name.startsWith("More shop")) {
                assertThat(implementation.at("/authentication_type/key").asString()).isEqualTo("token");
                assertThat(implementation.at("/system/logo/url").asString()).as(name)
                        .isEqualTo("https://cdn.shopify.com/static/shopify-favicon.png");
                assertThat(implementation.at("/system/system_type/name").asString()).isEqualTo("eCommerce");
                JsonNode orders = implementation.at("/endpoints/0");
                assertThat(orders.get("name").asString()).isEqualTo("Get orders");
                assertThat(items(orders.get("filters"))).extracting(f -> f.get("parameter").asString())
                        .containsExactly("updated_at_min", "status");
                assertThat(orders.at("/endpoint_schema/schema/type").asString()).isEqualTo("object");
                assertThat(orders.at("/system/logo/url").asString()).isEqualTo("https://cdn.shopify.com/static/shopify-favicon.png");
                assertThat(orders.at("/entity_type/name").asString()).isEqualTo("Orders");
                assertThat(orders.get("field_tags")).hasSize(2);
                assertThat(orders.at("/variables/0/key").asString()).isEqualTo("status");
                assertThat(implementation.at("/endpoints/1/entity_type/name").asString()).isEqualTo("Products");
                assertThat(row.at("/certificate/id").asLong()).as(name).isEqualTo(hundred.adminCertificate());
                assertThat(row.at("/certificate/user/email").asString()).isEqualTo(hundred.tenant().adminEmail());
            } else if (name.contains("andbox")) {
                assertThat(implementation.at("/system/canonical_key").asString()).as(name).isEqualTo("sandbox");
                assertThat(implementation.at("/system/logo").isNull()).as(name).isTrue();
                assertThat(items(implementation.get("endpoints"))).extracting(e -> e.get("name").asString())
                        .containsExactly("List orders", "Create order");
                assertThat(implementation.at("/endpoints/0/filters/0/parameter").asString()).isEqualTo("updated_since");
                assertThat(implementation.at("/endpoints/1/endpoint_schema").isNull()).isTrue();
                assertThat(row.at("/certificate/id").asLong()).as(name).isEqualTo(hundred.managerCertificate());
                assertThat(row.at("/certificate/user/id").asLong()).as(name).isEqualTo(hundred.managerId());
            } else {
                assertThat(implementation.at("/system/canonical_key").asString()).as(name).isEqualTo("rest_api");
                assertThat(implementation.at("/authentication_type/key").asString()).as(name).isIn("none", "basic");
                assertThat(implementation.get("endpoints")).as(name).isEmpty();
                assertThat(row.get("certificate").isNull()).as(name).isTrue();
            }
        }
    }
}
