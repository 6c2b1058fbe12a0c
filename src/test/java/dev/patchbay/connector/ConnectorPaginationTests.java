package dev.patchbay.connector;

import static dev.patchbay.connector.ConnectorQueryFixtures.CONNECTORS;
import static dev.patchbay.connector.ConnectorQueryFixtures.ids;
import static dev.patchbay.connector.ConnectorQueryFixtures.insertRows;
import static dev.patchbay.connector.ConnectorQueryFixtures.pathOf;
import static dev.patchbay.connector.ConnectorQueryFixtures.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Laravel paginator shape of the connectors list: meta, links, page and per_page rules. */
class ConnectorPaginationTests extends ApiTest {

    private List<Long> fiveConnectors(Tenant tenant) {
        return insertRows(data.jdbc(), tenant, tenant.catalog().shopifyTokenAuthId(), "Shop", 5, null);
    }

    private Response page(Tenant tenant, String query) {
        Response response = api.get(url(CONNECTORS + "?" + query), tenant.apiKey());
        assertThat(response.status()).as(query + " → " + response).isEqualTo(200);
        return response;
    }

    @Test
    void shouldDescribeTheFirstPage() {
        Tenant tenant = data.company();
        List<Long> all = fiveConnectors(tenant);

        Response response = page(tenant, "per_page=2");

        assertThat(ids(response)).containsExactly(all.get(0), all.get(1));
        assertMeta(response, 1, 1, 2, 3, 2, 5);
        String path = response.at("/meta/path").asString();
        assertThat(path).startsWith("http://localhost:").endsWith("/api/v1/connectors").doesNotContain("?");
        assertThat(params(response.at("/links/first").asString())).isEqualTo(Map.of("per_page", "2", "page", "1"));
        assertThat(params(response.at("/links/last").asString())).isEqualTo(Map.of("per_page", "2", "page", "3"));
        assertThat(response.at("/links/prev").isNull()).isTrue();
        assertThat(params(response.at("/links/next").asString())).isEqualTo(Map.of("per_page", "2", "page", "2"));
        for (String link : List.of("first", "last", "next")) {
            assertThat(response.at("/links/" + link).asString()).as(link).startsWith(path + "?");
        }
    }

    @Test
    void shouldDescribeAMiddlePage() {
        Tenant tenant = data.company();
        List<Long> all = fiveConnectors(tenant);

        Response response = page(tenant, "per_page=2&page=2");

        assertThat(ids(response)).containsExactly(all.get(2), all.get(3));
        assertMeta(response, 2, 3, 4, 3, 2, 5);
        assertThat(params(response.at("/links/first").asString())).isEqualTo(Map.of("per_page", "2", "page", "1"));
        assertThat(params(response.at("/links/last").asString())).isEqualTo(Map.of("per_page", "2", "page", "3"));
        assertThat(params(response.at("/links/prev").asString())).isEqualTo(Map.of("per_page", "2", "page", "1"));
        assertThat(params(response.at("/links/next").asString())).isEqualTo(Map.of("per_page", "2", "page", "3"));
    }

    @Test
    void shouldDescribeTheLastPage() {
        Tenant tenant = data.company();
        List<Long> all = fiveConnectors(tenant);

        Response response = page(tenant, "per_page=2&page=3");

        assertThat(ids(response)).containsExactly(all.get(4));
        assertMeta(response, 3, 5, 5, 3, 2, 5);
        assertThat(params(response.at("/links/prev").asString())).isEqualTo(Map.of("per_page", "2", "page", "2"));
        assertThat(response.at("/links").has("next")).isTrue();
        assertThat(response.at("/links/next").isNull()).isTrue();
    }

    @Test
    void shouldAnswerAPageBeyondTheLastWithNoDataAndNullFromAndTo() {
        Tenant tenant = data.company();
        fiveConnectors(tenant);

        Response response = page(tenant, "per_page=2&page=4");

        assertThat(response.at("/data").isArray()).isTrue();
        assertThat(response.at("/data")).isEmpty();
        assertMeta(response, 4, null, null, 3, 2, 5);
        assertThat(params(response.at("/links/first").asString())).isEqualTo(Map.of("per_page", "2", "page", "1"));
        assertThat(params(response.at("/links/last").asString())).isEqualTo(Map.of("per_page", "2", "page", "3"));
        assertThat(params(response.at("/links/prev").asString())).isEqualTo(Map.of("per_page", "2", "page", "3"));
        assertThat(response.at("/links/next").isNull()).isTrue();

        Response far = page(tenant, "per_page=2&page=50");
        assertThat(far.at("/data")).isEmpty();
        assertMeta(far, 50, null, null, 3, 2, 5);
        assertThat(far.at("/links/next").isNull()).isTrue();
    }

    @Test
    void shouldAnswerTheLargestAllowedPageAsAnEmptyPageBeyondTheLast() {
        Tenant tenant = data.company();
        fiveConnectors(tenant);

        for (String perPage : List.of("1", "15", "100")) {
            Response response = page(tenant, "per_page=" + perPage + "&page=2147483647");
            assertThat(response.at("/data")).as(perPage).isEmpty();
            assertThat(response.at("/meta/current_page").asInt()).isEqualTo(Integer.MAX_VALUE);
            assertThat(response.at("/meta/total").asLong()).isEqualTo(5);
            assertThat(response.at("/links/next").isNull()).isTrue();
        }
        // (67108865 - 1) * 64 is 2^32: an offset computed in an int would wrap to 0 and show the first page again.
        assertThat(page(tenant, "per_page=64&page=67108865").at("/data")).isEmpty();
    }

    @Test
    void shouldKeepEncodedFilterValuesInLinksSoThatFollowingThemFiltersTheSame() {
        Tenant tenant = data.company();
        for (int i = 0; i < 3; i++) {
            data.shopifyConnector(tenant, "Team " + i, Map.of("session_id", "team a&b/ü+1"));
        }
        data.shopifyConnector(tenant, "Other", Map.of("session_id", "team a"));
        String query = "filter%5BforSession%5D=team%20a%26b%2F%C3%BC%2B1,unused&per_page=1";

        Response first = api.get(CONNECTORS + "?" + query, tenant.apiKey());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/meta/total").asLong()).isEqualTo(3);
        assertThat(params(first.at("/links/next").asString()))
                .isEqualTo(Map.of("filter[forSession]", "team a&b/ü+1,unused", "per_page", "1", "page", "2"));

        Response next = api.get(pathOf(first.at("/links/next").asString()), tenant.apiKey());
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.at("/meta/total").asLong()).as("the followed link filters the same").isEqualTo(3);
        assertThat(next.at("/meta/current_page").asInt()).isEqualTo(2);
    }

    @Test
    void shouldAnswerOneEmptyPageWhenThereAreNoConnectors() {
        Tenant tenant = data.company();

        Response response = page(tenant, "");

        assertThat(response.at("/data")).isEmpty();
        assertMeta(response, 1, null, null, 1, 15, 0);
        assertThat(params(response.at("/links/first").asString())).isEqualTo(Map.of("page", "1"));
        assertThat(params(response.at("/links/last").asString())).isEqualTo(Map.of("page", "1"));
        assertThat(response.at("/links/prev").isNull()).isTrue();
        assertThat(response.at("/links/next").isNull()).isTrue();
    }

    /**
     * An unfiltered total is counted over the company's connectors alone, a filtered one over the joins the
     * filters reach into: both count the same rows as the pages they describe, and another company's
     * connectors on the same systems are in neither.
     */
    @Test
    void shouldCountTheTotalOverTheSameRowsWithAndWithoutAFilterOnTheSystem() {
        Tenant tenant = data.company();
        insertRows(data.jdbc(), tenant, tenant.catalog().shopifyTokenAuthId(), "Shop", 17, null);
        insertRows(data.jdbc(), tenant, tenant.catalog().sandboxTokenAuthId(), "Sandbox", 4, null);
        Tenant other = data.company();
        insertRows(data.jdbc(), other, other.catalog().shopifyTokenAuthId(), "Not yours", 6, null);

        assertThat(page(tenant, "").at("/meta/total").asLong()).isEqualTo(21);
        assertThat(page(tenant, "per_page=100").at("/data")).hasSize(21);
        Response shops = page(tenant, "filter[system]=" + tenant.catalog().shopifySystemId() + "&per_page=100");
        assertThat(shops.at("/meta/total").asLong()).isEqualTo(17);
        assertThat(shops.at("/data")).hasSize(17);
        assertThat(page(tenant, "filter[system]=" + tenant.catalog().sandboxSystemId()).at("/meta/total").asLong())
                .isEqualTo(4);
        assertThat(page(tenant, "page=9").at("/meta/total").asLong()).as("a page past the end").isEqualTo(21);
        assertThat(page(other, "").at("/meta/total").asLong()).isEqualTo(6);
    }

    @Test
    void shouldShowFifteenPerPageByDefault() {
        Tenant tenant = data.company();
        List<Long> all = insertRows(data.jdbc(), tenant, tenant.catalog().shopifyTokenAuthId(), "Shop", 16, null);

        Response first = page(tenant, "");
        Response second = page(tenant, "page=2");

        assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 15));
        assertMeta(first, 1, 1, 15, 2, 15, 16);
        assertThat(params(first.at("/links/next").asString())).isEqualTo(Map.of("page", "2"));
        assertThat(ids(second)).containsExactly(all.get(15));
        assertMeta(second, 2, 16, 16, 2, 15, 16);
    }

    @Test
    void shouldAcceptPerPageOfOneAndOfAHundred() {
        Tenant tenant = data.company();
        List<Long> all = insertRows(data.jdbc(), tenant, tenant.catalog().shopifyTokenAuthId(), "Shop", 101, null);

        Response one = page(tenant, "per_page=1&page=7");
        assertThat(ids(one)).containsExactly(all.get(6));
        assertMeta(one, 7, 7, 7, 101, 1, 101);

        Response hundred = page(tenant, "per_page=100");
        assertThat(ids(hundred)).containsExactlyElementsOf(all.subList(0, 100));
        assertMeta(hundred, 1, 1, 100, 2, 100, 101);
        Response rest = page(tenant, "per_page=100&page=2");
        assertThat(ids(rest)).containsExactly(all.get(100));
        assertMeta(rest, 2, 101, 101, 2, 100, 101);
    }

    @Test
    void shouldRefusePerPageOutsideOneToHundredWithAClearMessage() {
        Tenant tenant = data.company();

        for (String bad : List.of("0", "101", "abc", "-1", "1.5", "1000000000000")) {
            Response response = api.get(CONNECTORS + "?per_page=" + bad, tenant.apiKey());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.at("/message").asString()).as(bad).contains("per_page").contains("between 1 and 100")
                    .contains("`" + bad + "`");
        }
    }

    @Test
    void shouldRefuseAPageBelowOneOrNotANumber() {
        Tenant tenant = data.company();

        for (String bad : List.of("0", "-3", "abc", "2.0")) {
            Response response = api.get(CONNECTORS + "?page=" + bad, tenant.apiKey());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.at("/message").asString()).as(bad).contains("page").contains("`" + bad + "`");
        }
    }

    @Test
    void shouldKeepFiltersIncludesSortAndPerPageInEveryLinkAndChangeOnlyThePage() {
        Tenant tenant = data.company();
        List<Long> shops = insertRows(data.jdbc(), tenant, tenant.catalog().shopifyTokenAuthId(), "Shop", 7, null);
        insertRows(data.jdbc(), tenant, tenant.catalog().restNoAuthId(), "Rest", 3, null);
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("filter[canonical_key]", "shopify,sandbox");
        asked.put("include", "variables,authenticationImplementation.system");
        asked.put("sort", "-name");
        asked.put("per_page", "2");
        asked.put("page", "2");

        Response response = page(tenant, "filter[canonical_key]=shopify,sandbox&include=variables,"
                + "authenticationImplementation.system&sort=-name&per_page=2&page=2");

        assertThat(ids(response)).containsExactly(shops.get(4), shops.get(3));
        assertMeta(response, 2, 3, 4, 4, 2, 7);
        Map<String, String> expectedPages = Map.of("first", "1", "last", "4", "prev", "1", "next", "3");
        expectedPages.forEach((link, pageNumber) -> {
            Map<String, String> expected = new LinkedHashMap<>(asked);
            expected.put("page", pageNumber);
            assertThat(params(response.at("/links/" + link).asString())).as(link).isEqualTo(expected);
        });

        Response next = api.get(pathOf(response.at("/links/next").asString()), tenant.apiKey());
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(ids(next)).containsExactly(shops.get(2), shops.get(1));
        assertThat(next.at("/data/0/variables")).hasSize(3);
        assertThat(next.at("/data/0/authentication_implementation/system/canonical_key").asString()).isEqualTo("shopify");
        assertMeta(next, 3, 5, 6, 4, 2, 7);
    }

    @Test
    void shouldVisitEveryConnectorOnceByFollowingNextLinks() {
        Tenant tenant = data.company();
        List<Long> all = insertRows(data.jdbc(), tenant, tenant.catalog().shopifyTokenAuthId(), "Shop", 11, null);

        List<Long> seen = new ArrayList<>();
        String link = url(CONNECTORS + "?per_page=3");
        int requests = 0;
        while (link != null && requests++ < 10) {
            Response response = api.get(link, tenant.apiKey());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            seen.addAll(ids(response));
            JsonNode next = response.at("/links/next");
            link = next.isNull() ? null : pathOf(next.asString());
        }

        assertThat(requests).isEqualTo(4);
        assertThat(seen).containsExactlyElementsOf(all);
    }

    private static void assertMeta(Response response, int currentPage, Integer from, Integer to, int lastPage, int perPage,
            long total) {
        JsonNode meta = response.at("/meta");
        assertThat(meta.propertyNames()).containsExactlyInAnyOrder("current_page", "from", "last_page", "path", "per_page",
                "to", "total");
        assertThat(meta.get("current_page").asInt()).as("current_page").isEqualTo(currentPage);
        assertThat(meta.get("from").isNull() ? null : meta.get("from").asInt()).as("from").isEqualTo(from);
        assertThat(meta.get("to").isNull() ? null : meta.get("to").asInt()).as("to").isEqualTo(to);
        assertThat(meta.get("last_page").asInt()).as("last_page").isEqualTo(lastPage);
        assertThat(meta.get("per_page").asInt()).as("per_page").isEqualTo(perPage);
        assertThat(meta.get("total").asLong()).as("total").isEqualTo(total);
        assertThat(response.at("/links").propertyNames()).containsExactlyInAnyOrder("first", "last", "prev", "next");
    }

    /** A link's query parameters, decoded, in order; each must appear once. */
    private static Map<String, String> params(String link) {
        String query = URI.create(link).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            assertThat(params.put(name, value)).as("parameter " + name + " appears once in " + link).isNull();
        }
        return params;
    }
}
