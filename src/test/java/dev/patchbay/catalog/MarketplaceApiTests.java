package dev.patchbay.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.FakeSystems;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class MarketplaceApiTests extends ApiTest {

    @Autowired
    private FakeSystems fakeSystems;


    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode shipped(String key) throws IOException {
        return (ObjectNode) JSON.readTree(new ClassPathResource("definitions/" + key + ".json").getContentAsString(StandardCharsets.UTF_8));
    }

    private long templateId(Tenant tenant, String key) {
        Response response = api.get("/api/v1/system-templates?filter%5Bkey%5D=" + key, tenant.apiKey());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.at("/data/0/id").asLong();
    }

    /** A definition of our own under a unique key, imported by the platform administrator. */
    private long importDefinition(ObjectNode definition) {
        Response imported = api.post("/api/v1/system-templates", PLATFORM_API_KEY, definition.toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        return imported.at("/data/id").asLong();
    }

    private ObjectNode uniqueShopify(String version) throws IOException {
        ObjectNode definition = shipped("shopify");
        definition.put("key", "shop_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_'));
        definition.put("version", version);
        // the copy's instances are checked against the tests' Shopify look-alike on loopback, not the internet
        ((ObjectNode) definition.get("system")).put("base_url",
                fakeSystems.upstream().url() + "/shopify/{{shop}}/admin/api/{{api_version}}");
        return definition;
    }

    @Test
    void shouldListTheShippedDefinitionsWithTheirAuthenticationMethods() {
        Tenant tenant = data.company();

        Response response = api.get("/api/v1/system-templates?per_page=100&filter%5Bkey%5D=sandbox,shopify,stripe,netsuite"
                + "&include=authenticationImplementationTemplates,authenticationImplementationTemplates_count&sort=key", tenant.apiKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode entries = response.json().get("data");
        assertThat(entries.valueStream().map(e -> e.get("key").asString())).containsExactly("netsuite", "sandbox", "shopify", "stripe");
        JsonNode netsuite = entries.get(0);
        assertThat(netsuite.get("system_type").asString()).isEqualTo("ERP");
        assertThat(netsuite.get("version").asString()).isEqualTo("1.0.0");
        assertThat(netsuite.at("/authentication_implementation_templates/0/authentication_type").asString()).isEqualTo("oauth1");
        assertThat(netsuite.get("authentication_implementation_templates_count").asInt()).isEqualTo(1);
        assertThat(netsuite.get("installed_system_id").isNull()).isTrue();
        assertThat(netsuite.has("definition")).as("the whole file only on single reads").isFalse();
    }

    @Test
    void shouldFilterByNameAndSystemTypeAndPaginate() {
        Tenant tenant = data.company();

        Response byName = api.get("/api/v1/system-templates?filter%5Bname%5D=COMMERCE", tenant.apiKey());
        assertThat(byName.json().get("data").valueStream().map(e -> e.get("key").asString()))
                .contains("woocommerce", "bigcommerce", "commercetools").doesNotContain("shopify");

        Response byType = api.get("/api/v1/system-templates?filter%5Bsystem_type%5D=Accounting&sort=-name", tenant.apiKey());
        assertThat(byType.json().get("data").valueStream().map(e -> e.get("key").asString())).containsSubsequence("xero", "stripe");

        Response page = api.get("/api/v1/system-templates?per_page=5&page=2&sort=key", tenant.apiKey());
        assertThat(page.at("/meta/per_page").asInt()).isEqualTo(5);
        assertThat(page.at("/meta/from").asInt()).isEqualTo(6);
        assertThat(page.at("/meta/total").asInt()).isGreaterThanOrEqualTo(12);

        Response bad = api.get("/api/v1/system-templates?filter%5Bcolour%5D=red", tenant.apiKey());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/message").asString()).contains("`colour`").contains("name, system_type, key");
    }

    @Test
    void shouldShowTheWholeDefinitionOnASingleRead() {
        Tenant tenant = data.company();
        long id = templateId(tenant, "zendesk");

        Response response = api.get("/api/v1/system-templates/" + id, tenant.apiKey());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/data/definition/authentications/0/basic/username").asString()).isEqualTo("{{email}}/token");
        assertThat(api.get("/api/v1/system-templates/99999999", tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void shouldLetOnlyThePlatformAdministratorImport() throws IOException {
        Tenant tenant = data.company();
        ObjectNode definition = uniqueShopify("1.0.0");

        assertThat(api.post("/api/v1/system-templates", tenant.apiKey(), definition.toString()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/system-templates", null, definition.toString()).status()).isEqualTo(401);
        long id = importDefinition(definition);

        Response listed = api.get("/api/v1/system-templates/" + id, tenant.apiKey());
        assertThat(listed.at("/data/source").asString()).isEqualTo("imported");
        assertThat(api.get("/api/v1/system-templates?per_page=1", PLATFORM_API_KEY).status()).as("platform can browse").isEqualTo(200);
    }

    @Test
    void shouldRefuseABrokenImportWithEveryProblemAsADottedField() throws IOException {
        ObjectNode definition = uniqueShopify("1.0.0");
        ((ObjectNode) definition.get("system")).remove("name");
        ((ObjectNode) definition.get("authentications").get(0)).put("type", "magic");

        Response response = api.post("/api/v1/system-templates", PLATFORM_API_KEY, definition.toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).contains("system.name", "authentications.0.type");
        assertThat(response.at("/errors/authentications.0.type/0").asString()).contains("magic");

        Response notJson = api.post("/api/v1/system-templates", PLATFORM_API_KEY, "{\"key\": ");
        assertThat(notJson.status()).isEqualTo(422);
        assertThat(notJson.json().get("errors").propertyNames().iterator().next()).startsWith("line 1");
    }

    @Test
    void shouldRefuseToChangeAnExistingVersion() throws IOException {
        ObjectNode definition = uniqueShopify("1.0.0");
        importDefinition(definition);
        ((ObjectNode) definition.get("system")).put("label", "Changed");

        Response again = api.post("/api/v1/system-templates", PLATFORM_API_KEY, definition.toString());

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.at("/errors/version/0").asString()).contains("exists already");
    }

    @Test
    void shouldInstallOnceAndAnswerTheSameSystemWhenAskedAgain() {
        Tenant tenant = data.company();
        long stripe = templateId(tenant, "stripe");

        Response first = api.post("/api/v1/system-templates/" + stripe + "/install", tenant.apiKey(), null);
        Response second = api.post("/api/v1/system-templates/" + stripe + "/install", tenant.apiKey(), Map.of());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.at("/data/created").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.at("/data/created").asBoolean()).isFalse();
        assertThat(second.at("/data/system_id").asLong()).isEqualTo(first.at("/data/system_id").asLong());
        assertThat(first.at("/data/authentication_implementations/0/name").asString()).isEqualTo("Secret key");
        Response listed = api.get("/api/v1/system-templates?filter%5Bkey%5D=stripe", tenant.apiKey());
        assertThat(listed.at("/data/0/installed_system_id").asLong()).isEqualTo(first.at("/data/system_id").asLong());
        assertThat(listed.at("/data/0/installed_version").asString()).isEqualTo("1.0.0");
        Response otherCompany = api.get("/api/v1/system-templates?filter%5Bkey%5D=stripe", data.company().apiKey());
        assertThat(otherCompany.at("/data/0/installed_system_id").isNull()).as("installation is per company").isTrue();
    }

    @Test
    void shouldInstallEndpointsWithFiltersSchemaTagsAndVariablesOfTheDefinition() throws IOException {
        Tenant tenant = data.company(); // its test catalog has a "shopify" already: install a copy under its own key
        ObjectNode definition = uniqueShopify("1.0.0");
        long shopify = importDefinition(definition);
        Response installed = api.post("/api/v1/system-templates/" + shopify + "/install", tenant.apiKey(), null);
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        long authentication = installed.at("/data/authentication_implementations/0/id").asLong();
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), Map.of("name", "From the marketplace",
                "authentication_implementation_id", authentication, "timezone", "UTC", "date_format", "Y-m-d H:i:s",
                "rate_limit_unit", "second", "rate_limit_duration", 2, "variables", List.of(
                        Map.of("key", "shop", "value", "acme", "label", "Shop"),
                        Map.of("key", "access_token", "value", "shpat_x", "label", "Token"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);

        Response read = api.get("/api/v1/connectors/" + created.at("/data/id").asLong() + "?include="
                + "authenticationImplementation.endpoints.filters,authenticationImplementation.endpoints.fieldTags,"
                + "authenticationImplementation.endpoints.variables,authenticationImplementation.endpoints.endpointSchema,"
                + "authenticationImplementation.authenticationType,authenticationImplementation.system", tenant.apiKey());

        JsonNode implementation = read.at("/data/authentication_implementation");
        assertThat(implementation.at("/authentication_type/key").asString()).isEqualTo("token");
        assertThat(implementation.at("/system/system_template_id").asString()).isEqualTo(definition.get("key").asString());
        JsonNode orders = implementation.get("endpoints").get(0);
        assertThat(orders.get("name").asString()).isEqualTo("Get orders");
        assertThat(orders.at("/filters/0/parameter").asString()).isEqualTo("updated_at_min");
        assertThat(orders.at("/field_tags/0/tag").asString()).isEqualTo("order_id");
        assertThat(orders.at("/variables/0/key").asString()).isEqualTo("status");
        assertThat(orders.at("/endpoint_schema/schema/type").asString()).isEqualTo("object");
        assertThat(implementation.get("endpoints")).hasSize(4);
    }

    @Test
    void shouldAskHowToInstallAnotherVersionOfAnInstalledConnector() throws IOException {
        Tenant tenant = data.company();
        ObjectNode definition = uniqueShopify("1.0.0");
        long v1 = importDefinition(definition);
        long v2 = importDefinition(definition.put("version", "1.1.0"));
        api.post("/api/v1/system-templates/" + v1 + "/install", tenant.apiKey(), null);

        Response response = api.post("/api/v1/system-templates/" + v2 + "/install", tenant.apiKey(), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/errors/mode/0").asString()).contains("\"upgrade\"").contains("\"alongside\"");
        Response badMode = api.post("/api/v1/system-templates/" + v2 + "/install", tenant.apiKey(), Map.of("mode", "replace"));
        assertThat(badMode.status()).isEqualTo(422);
    }

    @Test
    void shouldUpgradeAnInstalledConnectorWithoutTouchingItsInstances() throws IOException {
        Tenant tenant = data.company();
        ObjectNode definition = uniqueShopify("1.0.0");
        long v1 = importDefinition(definition);
        Response installed = api.post("/api/v1/system-templates/" + v1 + "/install", tenant.apiKey(), null);
        long systemId = installed.at("/data/system_id").asLong();
        long authentication = installed.at("/data/authentication_implementations/0/id").asLong();
        Response instance = api.post("/api/v1/connectors", tenant.apiKey(), Map.of("name", "Live shop",
                "authentication_implementation_id", authentication, "timezone", "UTC", "date_format", "Y-m-d H:i:s",
                "rate_limit_unit", "second", "rate_limit_duration", 2, "variables", List.of(
                        Map.of("key", "shop", "value", "acme", "label", "Shop"),
                        Map.of("key", "access_token", "value", "shpat_live", "label", "Token"))));
        long instanceId = instance.at("/data/id").asLong();

        ObjectNode v2 = definition.put("version", "1.1.0");
        ((ObjectNode) v2.get("system")).put("label", "Shopify Plus");
        ObjectNode authenticationDef = (ObjectNode) v2.get("authentications").get(0);
        ((ArrayNode) authenticationDef.get("variables")).addObject().put("key", "location_id").put("label", "Default location");
        ((ObjectNode) authenticationDef.get("variables").get(0)).put("label", "Shop subdomain");
        ArrayNode endpoints = (ArrayNode) v2.get("endpoints");
        endpoints.remove(1); // get_products is dropped in 1.1.0
        endpoints.addObject().put("key", "list_locations").put("name", "List locations").put("http_method", "GET")
                .put("path", "/locations.json").put("direction", "Receive");
        long v2Id = importDefinition(v2);

        Response upgraded = api.post("/api/v1/system-templates/" + v2Id + "/install", tenant.apiKey(), Map.of("mode", "upgrade"));

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(upgraded.at("/data/system_id").asLong()).isEqualTo(systemId);
        assertThat(upgraded.at("/data/authentication_implementations/0/id").asLong()).isEqualTo(authentication);
        Response after = api.get("/api/v1/connectors/" + instanceId + "?include=variables,authenticationImplementation.system,"
                + "authenticationImplementation.endpoints", tenant.apiKey());
        assertThat(after.at("/data/name").asString()).isEqualTo("Live shop");
        assertThat(after.at("/data/variables/0/value").asString()).as("instance values untouched").isEqualTo("acme");
        assertThat(after.at("/data/variables")).as("no variable added to the instance").hasSize(3);
        assertThat(after.at("/data/authentication_implementation/system/label").asString()).isEqualTo("Shopify Plus");
        JsonNode endpointsAfter = after.at("/data/authentication_implementation/endpoints");
        assertThat(endpointsAfter.valueStream().map(e -> e.get("name").asString())).contains("List locations", "Get products");
        assertThat(endpointsAfter.valueStream().filter(e -> e.get("name").asString().equals("Get products")).findFirst()
                .orElseThrow().get("deprecated_at").isNull()).as("dropped endpoints are deprecated, not deleted").isFalse();
        Response templatesAfter = api.get("/api/v1/system-templates?filter%5Bkey%5D=" + definition.get("key").asString(),
                tenant.apiKey());
        assertThat(templatesAfter.at("/data/0/installed_version").asString()).isEqualTo("1.1.0");
    }

    @Test
    void shouldInstallANewVersionAlongsideTheOldOne() throws IOException {
        Tenant tenant = data.company();
        ObjectNode definition = uniqueShopify("1.0.0");
        long v1 = importDefinition(definition);
        long v2 = importDefinition(definition.put("version", "2.0.0"));
        long first = api.post("/api/v1/system-templates/" + v1 + "/install", tenant.apiKey(), null).at("/data/system_id").asLong();

        Response alongside = api.post("/api/v1/system-templates/" + v2 + "/install", tenant.apiKey(), Map.of("mode", "alongside"));
        Response again = api.post("/api/v1/system-templates/" + v2 + "/install", tenant.apiKey(), Map.of("mode", "alongside"));

        assertThat(alongside.status()).isEqualTo(201);
        assertThat(alongside.at("/data/system_id").asLong()).isNotEqualTo(first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/data/system_id").asLong()).isEqualTo(alongside.at("/data/system_id").asLong());
        String key = definition.get("key").asString();
        Long systems = data.jdbc().sql("SELECT count(*) FROM systems WHERE company_id = :c AND system_template_id = :k")
                .param("c", tenant.id()).param("k", key).query(Long.class).single();
        assertThat(systems).isEqualTo(2);
        String canonical = data.jdbc().sql("SELECT canonical_key FROM systems WHERE id = :id")
                .param("id", alongside.at("/data/system_id").asLong()).query(String.class).single();
        assertThat(canonical).isEqualTo(key + "_2_0_0");
    }

    @Test
    void shouldLetStandardUsersBrowseButNotInstall() {
        Tenant tenant = data.company();
        String standard = data.userWithRole(tenant, "standard");
        long stripe = templateId(tenant, "stripe");

        assertThat(api.get("/api/v1/system-templates", standard).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/system-templates/" + stripe + "/install", standard, null).status()).isEqualTo(403);
        String manager = data.userWithRole(tenant, "manager");
        assertThat(api.post("/api/v1/system-templates/" + stripe + "/install", manager, null).status()).isEqualTo(201);
    }
}
