package dev.patchbay.builder;

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

class SystemApiTests extends ApiTest {

    private static Map<String, Object> body(String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Acme ERP");
        body.put("label", "Acme");
        body.put("canonical_key", key);
        body.put("system_type_id", 4);
        body.put("colour", "#112233");
        body.put("logo", "https://cdn.example.test/acme.png");
        body.put("version", "2.1");
        body.put("version_name", "Spring");
        body.put("default_rate_limit_duration", 10);
        body.put("default_rate_limit_unit", "second");
        body.put("default_date_format", "Y-m-d\\TH:i:sP");
        body.put("help_link", "https://docs.example.test");
        body.put("base_url", "https://{{tenant}}.acme.test/api");
        return body;
    }

    private long create(Tenant tenant, String key) {
        Response created = api.post("/api/v1/systems", tenant.apiKey(), body(key));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    @Test
    void shouldCreateSystemWithEveryFieldAndAnswer201() {
        Tenant tenant = data.company();

        Response created = api.post("/api/v1/systems", tenant.apiKey(), body("acme_erp"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode system = created.at("/data");
        assertThat(system.get("name").asString()).isEqualTo("Acme ERP");
        assertThat(system.get("label").asString()).isEqualTo("Acme");
        assertThat(system.get("canonical_key").asString()).isEqualTo("acme_erp");
        assertThat(system.get("system_type_id").asLong()).isEqualTo(4);
        assertThat(system.get("protocol").asString()).isEqualTo("HTTP");
        assertThat(system.get("colour").asString()).isEqualTo("#112233");
        assertThat(system.at("/logo/url").asString()).isEqualTo("https://cdn.example.test/acme.png");
        assertThat(system.get("version").asString()).isEqualTo("2.1");
        assertThat(system.get("version_name").asString()).isEqualTo("Spring");
        assertThat(system.get("default_rate_limit_duration").asInt()).isEqualTo(10);
        assertThat(system.get("default_rate_limit_unit").asString()).isEqualTo("second");
        assertThat(system.get("default_date_format").asString()).isEqualTo("Y-m-d\\TH:i:sP");
        assertThat(system.get("help_link").asString()).isEqualTo("https://docs.example.test");
        assertThat(system.get("base_url").asString()).isEqualTo("https://{{tenant}}.acme.test/api");
        assertThat(system.get("system_template_id").isNull()).isTrue();
        assertThat(system.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void shouldApplyDefaultsAndIgnoreReadOnlySystemTemplateId() {
        Tenant tenant = data.company();

        Response created = api.post("/api/v1/systems", tenant.apiKey(), Map.of("name", "Tiny", "canonical_key", "tiny",
                "system_type_id", 6, "system_template_id", "forged"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/protocol").asString()).isEqualTo("HTTP");
        assertThat(created.at("/data/default_rate_limit_duration").asInt()).isEqualTo(60);
        assertThat(created.at("/data/default_rate_limit_unit").asString()).isEqualTo("minute");
        assertThat(created.at("/data/default_date_format").asString()).isEqualTo("Y-m-d H:i:s");
        assertThat(created.at("/data/system_template_id").isNull()).isTrue();
        assertThat(created.at("/data/logo").isNull()).isTrue();
    }

    @Test
    void shouldReportEveryMissingRequiredFieldAtOnce() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/systems", tenant.apiKey(), Map.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "canonical_key", "system_type_id");
        assertThat(response.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
        assertThat(response.at("/message").asString()).isEqualTo("The canonical key field is required. (and 2 more errors)");
    }

    @Test
    void shouldReportEveryInvalidFieldAtOnce() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "x".repeat(256));
        body.put("label", "y".repeat(256));
        body.put("canonical_key", "Not-Valid");
        body.put("system_type_id", 999999);
        body.put("protocol", "FTP");
        body.put("colour", "red");
        body.put("logo", "not a url");
        body.put("version", "v".repeat(51));
        body.put("version_name", "n".repeat(101));
        body.put("default_rate_limit_duration", 0);
        body.put("default_rate_limit_unit", "week");
        body.put("default_date_format", "Y-m-d Q");
        body.put("help_link", "ftp://example.test/help");
        body.put("base_url", "b".repeat(2049));

        Response response = api.post("/api/v1/systems", tenant.apiKey(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "label", "canonical_key",
                "system_type_id", "protocol", "colour", "logo", "version", "version_name", "default_rate_limit_duration",
                "default_rate_limit_unit", "default_date_format", "help_link", "base_url");
        assertThat(response.at("/errors/canonical_key/0").asString())
                .isEqualTo("The canonical key must contain only lowercase letters, digits and underscores.");
        assertThat(response.at("/errors/system_type_id/0").asString()).isEqualTo("The selected system type id is invalid.");
        assertThat(response.at("/errors/default_date_format/0").asString()).contains("unknown token `Q`");
        assertThat(response.at("/message").asString()).endsWith("(and 13 more errors)");
        assertThat(count(tenant)).isEqualTo(3);
    }

    @Test
    void shouldAnswer422ForWrongJsonTypesAndNonObjectBodies() {
        Tenant tenant = data.company();
        Map<String, Object> body = body("typed");
        body.put("default_rate_limit_duration", "lots");

        Response wrongType = api.post("/api/v1/systems", tenant.apiKey(), body);
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(422);
        assertThat(wrongType.json().get("errors").has("default_rate_limit_duration")).isTrue();

        Response array = api.post("/api/v1/systems", tenant.apiKey(), "[1, 2]");
        assertThat(array.status()).as(array.toString()).isEqualTo(422);
        assertThat(array.at("/errors/body/0").asString()).isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void shouldRefuseCanonicalKeyAlreadyUsedInTheCompanyButAllowItInAnother() {
        Tenant tenant = data.company();
        Tenant other = data.company();

        Response taken = api.post("/api/v1/systems", tenant.apiKey(), body("shopify"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.at("/errors/canonical_key/0").asString()).isEqualTo("The canonical key has already been taken.");

        create(other, "acme_shared");
        create(tenant, "acme_shared");
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndClearNullableOnesSentAsNull() {
        Tenant tenant = data.company();
        long id = create(tenant, "acme_update");

        Response updated = api.put("/api/v1/systems/" + id, tenant.apiKey(),
                "{\"name\": \"Acme ERP 2\", \"label\": null, \"default_rate_limit_unit\": \"hour\"}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/data/name").asString()).isEqualTo("Acme ERP 2");
        assertThat(updated.at("/data/label").isNull()).isTrue();
        assertThat(updated.at("/data/default_rate_limit_unit").asString()).isEqualTo("hour");
        assertThat(updated.at("/data/colour").asString()).as("absent fields are kept").isEqualTo("#112233");
        assertThat(updated.at("/data/logo/url").asString()).isEqualTo("https://cdn.example.test/acme.png");
        Response reread = api.get("/api/v1/systems/" + id, tenant.apiKey());
        assertThat(reread.at("/data/name").asString()).isEqualTo("Acme ERP 2");
    }

    @Test
    void shouldValidateUpdatesWithTheSameRulesIncludingUniqueKey() {
        Tenant tenant = data.company();
        long id = create(tenant, "acme_rules");

        Response response = api.put("/api/v1/systems/" + id, tenant.apiKey(),
                "{\"name\": null, \"canonical_key\": \"shopify\", \"default_date_format\": \"Y-m-d Q\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "canonical_key", "default_date_format");
        Response keepOwnKey = api.put("/api/v1/systems/" + id, tenant.apiKey(), Map.of("canonical_key", "acme_rules"));
        assertThat(keepOwnKey.status()).as(keepOwnKey.toString()).isEqualTo(200);
    }

    @Test
    void shouldListFilterAndSortTheCompanysSystems() {
        Tenant tenant = data.company();
        long acme = create(tenant, "acme_list");

        Response all = api.get(Api.encoded("/api/v1/systems?sort=-name"), tenant.apiKey());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.at("/meta/total").asLong()).isEqualTo(4);
        assertThat(all.at("/data").valueStream().map(s -> s.get("canonical_key").asString()))
                .containsExactly("shopify", "rest_api", "sandbox", "acme_list");

        assertThat(ids(api.get(Api.encoded("/api/v1/systems?filter[name]=acme"), tenant.apiKey()))).containsExactly(acme);
        assertThat(ids(api.get(Api.encoded("/api/v1/systems?filter[canonical_key]=shopify,acme_list"), tenant.apiKey())))
                .containsExactly(tenant.catalog().shopifySystemId(), acme);
        assertThat(ids(api.get(Api.encoded("/api/v1/systems?filter[system_type]=4"), tenant.apiKey()))).containsExactly(acme);
        assertThat(ids(api.get(Api.encoded("/api/v1/systems?filter[system_template_id]=sandbox"), tenant.apiKey())))
                .containsExactly(tenant.catalog().sandboxSystemId());
        assertThat(ids(api.get(Api.encoded("/api/v1/systems?sort=created_at&per_page=2&page=2"), tenant.apiKey())))
                .containsExactly(tenant.catalog().restSystemId(), acme);
    }

    @Test
    void shouldAnswer400NamingTheAllowedValuesForUnknownIncludeFilterOrSort() {
        Tenant tenant = data.company();

        Response include = api.get("/api/v1/systems?include=connectors", tenant.apiKey());
        assertThat(include.status()).isEqualTo(400);
        assertThat(include.at("/message").asString()).contains("`connectors`").contains("authenticationImplementations");
        Response filter = api.get(Api.encoded("/api/v1/systems?filter[colour]=red"), tenant.apiKey());
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.at("/message").asString()).contains("`colour`").contains("name, canonical_key, system_type");
        Response sort = api.get(Api.encoded("/api/v1/systems?sort=colour"), tenant.apiKey());
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.at("/message").asString()).contains("name, created_at");
    }

    @Test
    void shouldIncludeImplementationsEndpointsLogoTypeAndConnectorCounts() {
        Tenant tenant = data.company();
        data.shopifyConnector(tenant, "Shop one");
        data.shopifyConnector(tenant, "Shop two");

        Response response = api.get("/api/v1/systems/" + tenant.catalog().shopifySystemId()
                + "?include=authenticationImplementations,endpoints,logo,systemType,connectors_count,connectorsExists",
                tenant.apiKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode system = response.at("/data");
        assertThat(system.get("authentication_implementations")).hasSize(1);
        assertThat(system.at("/authentication_implementations/0/settings/headers/X-Shopify-Access-Token").asString())
                .isEqualTo("{{access_token}}");
        assertThat(system.get("endpoints")).hasSize(2);
        assertThat(system.at("/logo/url").asString()).startsWith("https://cdn.shopify.com");
        assertThat(system.at("/system_type/name").asString()).isEqualTo("eCommerce");
        assertThat(system.get("connectors_count").asInt()).isEqualTo(2);
        assertThat(system.get("connectors_exists").asBoolean()).isTrue();
        Response sandbox = api.get("/api/v1/systems/" + tenant.catalog().sandboxSystemId() + "?include=connectors_count,connectorsExists",
                tenant.apiKey());
        assertThat(sandbox.at("/data/connectors_count").asInt()).isZero();
        assertThat(sandbox.at("/data/connectors_exists").asBoolean()).isFalse();
    }

    @Test
    void shouldLoadIncludesWithAFixedNumberOfQueriesWhateverThePageSize() {
        Tenant tenant = data.company();
        String includes = "?include=authenticationImplementations,endpoints,logo,systemType,connectors_count";
        // login tokens, not API keys: a key is remembered for 500 ms, so whether its lookup falls inside a measured request would depend on timing
        String caller = Api.bearer(data.login(tenant.adminEmail(), tenant.adminPassword()));
        long before = queries.count();
        api.get("/api/v1/systems" + includes + "&per_page=1", caller);
        long small = queries.count() - before;
        create(tenant, "more_one");
        create(tenant, "more_two");
        before = queries.count();
        api.get("/api/v1/systems" + includes + "&per_page=50", caller);
        long large = queries.count() - before;

        assertThat(large).isEqualTo(small);
    }

    @Test
    void shouldDeleteUnusedSystemWithItsImplementationsEndpointsAndTemplates() {
        Tenant tenant = data.company();
        long shopify = tenant.catalog().shopifySystemId();

        Response deleted = api.delete("/api/v1/systems/" + shopify, tenant.apiKey());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.at("/message").asString()).isEqualTo("System deleted.");
        assertThat(api.get("/api/v1/systems/" + shopify, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(rows("SELECT count(*) FROM authentication_implementations WHERE system_id = :id", shopify)).isZero();
        assertThat(rows("SELECT count(*) FROM endpoints WHERE system_id = :id", shopify)).isZero();
        assertThat(rows("SELECT count(*) FROM variables v WHERE v.authentication_implementation_id = :id",
                tenant.catalog().shopifyTokenAuthId())).isZero();
        assertThat(rows("SELECT count(*) FROM systems WHERE company_id = :id", tenant.id())).isEqualTo(2);
    }

    @Test
    void shouldRefuseToDeleteSystemWhileConnectorsUseItNamingThem() {
        Tenant tenant = data.company();
        long first = data.shopifyConnector(tenant, "Main shop");
        long second = data.shopifyConnector(tenant, "Outlet");

        Response refused = api.delete("/api/v1/systems/" + tenant.catalog().shopifySystemId(), tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/message").asString())
                .startsWith("The system is used by 2 connectors and cannot be deleted: Main shop (#" + first + "), Outlet (#"
                        + second + ").");
        assertThat(refused.at("/errors/connectors")).hasSize(2);
        assertThat(rows("SELECT count(*) FROM endpoints WHERE system_id = :id", tenant.catalog().shopifySystemId()))
                .as("nothing deleted").isEqualTo(2);
        api.delete("/api/v1/connectors/" + first, tenant.apiKey());
        api.delete("/api/v1/connectors/" + second, tenant.apiKey());
        assertThat(api.delete("/api/v1/systems/" + tenant.catalog().shopifySystemId(), tenant.apiKey()).status())
                .as("uninstalled once its connectors are gone").isEqualTo(200);
    }

    @Test
    void shouldHideOtherCompaniesSystems() {
        Tenant tenant = data.company();
        Tenant other = data.company();
        long theirs = other.catalog().shopifySystemId();

        assertThat(api.get("/api/v1/systems/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/systems/" + theirs, tenant.apiKey(), Map.of("name", "Mine")).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/systems/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/systems?per_page=100", tenant.apiKey()))).doesNotContain(theirs);
        assertThat(api.get("/api/v1/systems/" + theirs, other.apiKey()).at("/data/name").asString()).isEqualTo("Shopify");
    }

    @Test
    void shouldLetStandardUsersReadButOnlyManagersAndAdministratorsWrite() {
        Tenant tenant = data.company();
        String standard = data.userWithRole(tenant, "standard");
        String manager = data.userWithRole(tenant, "manager");

        assertThat(api.get("/api/v1/systems", standard).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/authentication-implementations", standard).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/systems", standard, body("by_standard")).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/systems/" + tenant.catalog().restSystemId(), standard).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/endpoints", standard, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/variables", standard, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/systems", manager, body("by_manager")).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/systems", null).status()).isEqualTo(401);
    }

    private long rows(String sql, long id) {
        return data.jdbc().sql(sql).param("id", id).query(Long.class).single();
    }

    private long count(Tenant tenant) {
        return rows("SELECT count(*) FROM systems WHERE company_id = :id", tenant.id());
    }

    private static List<Long> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.at("/data").valueStream().map(s -> s.get("id").asLong()).toList();
    }
}
