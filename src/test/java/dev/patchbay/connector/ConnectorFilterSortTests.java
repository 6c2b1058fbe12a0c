package dev.patchbay.connector;

import static dev.patchbay.connector.ConnectorQueryFixtures.CONNECTORS;
import static dev.patchbay.connector.ConnectorQueryFixtures.create;
import static dev.patchbay.connector.ConnectorQueryFixtures.ids;
import static dev.patchbay.connector.ConnectorQueryFixtures.names;
import static dev.patchbay.connector.ConnectorQueryFixtures.restNoAuthBody;
import static dev.patchbay.connector.ConnectorQueryFixtures.sandboxBody;
import static dev.patchbay.connector.ConnectorQueryFixtures.url;
import static dev.patchbay.connector.ConnectorQueryFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code filter[...]} and {@code sort} on the connectors list, and the 400s for what is not allowed. */
class ConnectorFilterSortTests extends ApiTest {

    /** One company's connectors spread over the demo catalog's three systems. */
    private record Spread(Tenant tenant, long shopA, long shopB, long rest, long sandbox) {}

    private Spread spread() {
        Tenant tenant = data.company();
        long shopA = data.shopifyConnector(tenant, "Shop A");
        long shopB = data.shopifyConnector(tenant, "Shop B", Map.of("session_id", "session-1", "platform_app_key", "app-1"));
        long rest = create(api, tenant, with(restNoAuthBody(tenant, "Open REST"),
                Map.of("session_id", "session-2", "platform_app_key", "app-2")));
        long sandbox = create(api, tenant, with(sandboxBody(tenant, "Sandbox"),
                Map.of("session_id", "session-3", "platform_app_key", "app-3")));
        // Another company with the same systems, sessions and app keys: never part of the answer.
        Tenant other = data.company();
        data.shopifyConnector(other, "Their shop", Map.of("session_id", "session-1", "platform_app_key", "app-1"));
        create(api, other, with(restNoAuthBody(other, "Their REST"), Map.of("session_id", "session-2", "platform_app_key", "app-2")));
        return new Spread(tenant, shopA, shopB, rest, sandbox);
    }

    private Response list(Tenant tenant, String query) {
        Response response = api.get(url(CONNECTORS + "?" + query), tenant.apiKey());
        assertThat(response.status()).as(query + " → " + response).isEqualTo(200);
        return response;
    }

    private List<Long> idsFor(Tenant tenant, String query) {
        Response response = list(tenant, query);
        assertThat(response.at("/meta/total").asLong()).as("total counts the filtered rows").isEqualTo(ids(response).size());
        return ids(response);
    }

    @Test
    void shouldFilterByCanonicalKeyWithOneOrSeveralValues() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[canonical_key]=shopify")).containsExactly(s.shopA(), s.shopB());
        assertThat(idsFor(s.tenant(), "filter[canonical_key]=rest_api")).containsExactly(s.rest());
        assertThat(idsFor(s.tenant(), "filter[canonical_key]=shopify,sandbox")).containsExactly(s.shopA(), s.shopB(), s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[canonical_key]=rest_api, sandbox")).as("values are trimmed")
                .containsExactly(s.rest(), s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[canonical_key]=magento")).isEmpty();
    }

    @Test
    void shouldFilterBySystemIdWithOneOrSeveralValues() {
        Spread s = spread();
        long shopify = s.tenant().catalog().shopifySystemId();
        long rest = s.tenant().catalog().restSystemId();
        long sandbox = s.tenant().catalog().sandboxSystemId();

        assertThat(idsFor(s.tenant(), "filter[system]=" + shopify)).containsExactly(s.shopA(), s.shopB());
        assertThat(idsFor(s.tenant(), "filter[system]=" + sandbox)).containsExactly(s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[system]=" + rest + "," + sandbox)).containsExactly(s.rest(), s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[system]=" + shopify + "," + rest + "," + sandbox))
                .containsExactly(s.shopA(), s.shopB(), s.rest(), s.sandbox());
    }

    @Test
    void shouldNotRevealAnotherCompanysConnectorsThroughTheSystemFilter() {
        Spread s = spread();
        Tenant other = data.company();
        data.shopifyConnector(other, "Theirs");

        assertThat(idsFor(s.tenant(), "filter[system]=" + other.catalog().shopifySystemId())).isEmpty();
    }

    @Test
    void shouldFilterBySystemTemplateIdWithOneOrSeveralValues() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[system_template_id]=shopify")).containsExactly(s.shopA(), s.shopB());
        assertThat(idsFor(s.tenant(), "filter[system_template_id]=sandbox")).containsExactly(s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[system_template_id]=sandbox,rest_api")).containsExactly(s.rest(), s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[system_template_id]=unknown-template")).isEmpty();
    }

    @Test
    void shouldFilterForSystemTemplateWithOneOrSeveralValues() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[forSystemTemplate]=shopify")).containsExactly(s.shopA(), s.shopB());
        assertThat(idsFor(s.tenant(), "filter[forSystemTemplate]=rest_api")).containsExactly(s.rest());
        assertThat(idsFor(s.tenant(), "filter[forSystemTemplate]=rest_api,shopify"))
                .containsExactly(s.shopA(), s.shopB(), s.rest());
    }

    @Test
    void shouldFilterForSessionWithOneOrSeveralValues() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[forSession]=session-1")).containsExactly(s.shopB());
        assertThat(idsFor(s.tenant(), "filter[forSession]=session-3")).containsExactly(s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[forSession]=session-1,session-3")).containsExactly(s.shopB(), s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[forSession]=session-9")).isEmpty();
    }

    @Test
    void shouldFilterByPlatformSessionWithOneOrSeveralValues() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[platformSession]=app-2")).containsExactly(s.rest());
        assertThat(idsFor(s.tenant(), "filter[platformSession]=app-1,app-2")).containsExactly(s.shopB(), s.rest());
        assertThat(idsFor(s.tenant(), "filter[platformSession]=app-1,app-2,app-3"))
                .containsExactly(s.shopB(), s.rest(), s.sandbox());
        assertThat(idsFor(s.tenant(), "filter[platformSession]=session-1")).as("app keys, not session ids").isEmpty();
    }

    @Test
    void shouldCombineSeveralFiltersWithAnd() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[canonical_key]=shopify&filter[forSession]=session-1,session-2"))
                .containsExactly(s.shopB());
        assertThat(idsFor(s.tenant(), "filter[system_template_id]=shopify,rest_api&filter[platformSession]=app-2,app-3"))
                .containsExactly(s.rest());
        assertThat(idsFor(s.tenant(), "filter[canonical_key]=sandbox&filter[forSession]=session-1")).isEmpty();
    }

    @Test
    void shouldIgnoreAFilterWithAnEmptyValue() {
        Spread s = spread();

        assertThat(idsFor(s.tenant(), "filter[canonical_key]=")).containsExactly(s.shopA(), s.shopB(), s.rest(), s.sandbox());
    }

    @Test
    void shouldApplyFiltersTogetherWithIncludesAndSort() {
        Spread s = spread();

        Response response = list(s.tenant(), "filter[canonical_key]=shopify&include=variables&sort=-name");

        assertThat(ids(response)).containsExactly(s.shopB(), s.shopA());
        assertThat(response.at("/data/0/variables/0/key").asString()).isEqualTo("shop");
    }

    @Test
    void shouldOrderByIdByDefault() {
        Tenant tenant = data.company();
        long delta = data.shopifyConnector(tenant, "Delta");
        long alpha = create(api, tenant, restNoAuthBody(tenant, "Alpha"));
        long charlie = data.shopifyConnector(tenant, "Charlie");
        long bravo = create(api, tenant, sandboxBody(tenant, "Bravo"));

        assertThat(ids(list(tenant, ""))).containsExactly(delta, alpha, charlie, bravo);
    }

    @Test
    void shouldSortByNameAscendingAndDescending() {
        Tenant tenant = data.company();
        data.shopifyConnector(tenant, "Delta");
        create(api, tenant, restNoAuthBody(tenant, "Alpha"));
        data.shopifyConnector(tenant, "Charlie");
        create(api, tenant, sandboxBody(tenant, "Bravo"));

        assertThat(names(list(tenant, "sort=name"))).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
        assertThat(names(list(tenant, "sort=-name"))).containsExactly("Delta", "Charlie", "Bravo", "Alpha");
    }

    @Test
    void shouldBreakNameTiesByIdSoPagesAreStable() {
        Tenant tenant = data.company();
        long first = data.shopifyConnector(tenant, "Same");
        long zed = data.shopifyConnector(tenant, "Zed");
        long second = data.shopifyConnector(tenant, "Same");

        assertThat(ids(list(tenant, "sort=name"))).containsExactly(first, second, zed);
        assertThat(ids(list(tenant, "sort=-name"))).containsExactly(zed, first, second);
        assertThat(ids(list(tenant, "sort=name&per_page=1&page=2"))).containsExactly(second);
    }

    @Test
    void shouldRefuseAnUnknownIncludeNamingItAndTheAllowedOnes() {
        Tenant tenant = data.company();

        Response response = api.get(CONNECTORS + "?include=variables,owner", tenant.apiKey());

        assertThat(response.status()).isEqualTo(400);
        String message = response.at("/message").asString();
        assertThat(message).contains("`owner`");
        for (String allowed : ConnectorIncludeTests.ALLOWED_INCLUDES) {
            assertThat(message).as("names the allowed include " + allowed).contains(allowed);
        }
    }

    @Test
    void shouldRefuseANestedIncludeThatIsNotDeclared() {
        Tenant tenant = data.company();

        for (String bad : List.of("authenticationImplementation.system.endpoints", "variables.owner", "certificate.user.company",
                "Variables", "endpoints")) {
            Response response = api.get(CONNECTORS + "?include=" + bad, tenant.apiKey());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.at("/message").asString()).as(bad).contains("`" + bad + "`")
                    .contains("authenticationImplementation.endpoints.fieldTags");
        }
    }

    @Test
    void shouldRefuseAnUnknownFilterNamingItAndTheAllowedOnes() {
        Tenant tenant = data.company();

        Response response = api.get(url(CONNECTORS + "?filter[name]=Shop"), tenant.apiKey());

        assertThat(response.status()).isEqualTo(400);
        String message = response.at("/message").asString();
        assertThat(message).contains("`name`");
        for (String allowed : List.of("canonical_key", "system", "system_template_id", "forSystemTemplate", "forSession",
                "platformSession")) {
            assertThat(message).as("names the allowed filter " + allowed).contains(allowed);
        }
    }

    @Test
    void shouldRefuseAnUnknownFilterEvenBesideAllowedOnes() {
        Tenant tenant = data.company();

        Response response = api.get(url(CONNECTORS + "?filter[canonical_key]=shopify&filter[session]=s"), tenant.apiKey());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.at("/message").asString()).contains("`session`").contains("forSession");
    }

    @Test
    void shouldRefuseAnUnknownSortNamingItAndTheAllowedOnes() {
        Tenant tenant = data.company();

        for (String bad : List.of("created_at", "-id", "name,-timezone")) {
            Response response = api.get(CONNECTORS + "?sort=" + bad, tenant.apiKey());
            assertThat(response.status()).as(bad).isEqualTo(400);
            String message = response.at("/message").asString();
            String offending = bad.contains(",") ? bad.substring(bad.indexOf(',') + 1) : bad;
            assertThat(message).as(bad).contains(offending).contains("Allowed sort(s) are `name`");
        }
    }

    @Test
    void shouldRefuseANonNumericSystemFilter() {
        Tenant tenant = data.company();

        for (String bad : List.of("shopify", "1,abc", "1.5")) {
            Response response = api.get(url(CONNECTORS + "?filter[system]=" + bad), tenant.apiKey());
            assertThat(response.status()).as(bad).isEqualTo(400);
            String offending = bad.startsWith("1,") ? "abc" : bad;
            assertThat(response.at("/message").asString()).as(bad).contains("`system`").contains("`" + offending + "`")
                    .contains("numeric");
        }
    }
}
