package dev.patchbay.catalog;

import dev.patchbay.catalog.EndpointWriter.EndpointColumns;
import dev.patchbay.catalog.EndpointWriter.FieldTag;
import dev.patchbay.catalog.EndpointWriter.Filter;
import dev.patchbay.catalog.ImplementationWriter.ImplementationColumns;
import dev.patchbay.catalog.SystemWriter.SystemColumns;
import dev.patchbay.support.FakeSystems;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tests' fixed catalog, installed into every test company: a sandbox, Shopify (access token)
 * and a generic REST API (basic auth, no auth), written directly so that tests do not change when a
 * shipped definition file does. (The demo company itself installs the shipped definitions.) Shopify's
 * base URL points at {@link FakeSystems}, so credential checks run against a real loopback server.
 */
@TestComponent
public class DemoCatalog {

    /** Ids of what was installed, for the demo seeder and for tests. */
    public record Installed(long sandboxSystemId, long sandboxTokenAuthId, long shopifySystemId, long shopifyTokenAuthId,
            long restSystemId, long restBasicAuthId, long restNoAuthId) {}

    private static final String ORDER_SCHEMA = """
            {"type": "object", "properties": {"id": {"type": "integer"}, "total": {"type": "string"},
             "updated_at": {"type": "string", "format": "date-time"}}}""";

    private final SystemWriter systemWriter;
    private final ImplementationWriter implementationWriter;
    private final EndpointWriter endpointWriter;
    private final InstalledSystems types;
    private final VariableStore variables;
    private final FakeSystems systems;

    DemoCatalog(SystemWriter systemWriter, ImplementationWriter implementationWriter, EndpointWriter endpointWriter,
            InstalledSystems types, VariableStore variables, FakeSystems systems) {
        this.systemWriter = systemWriter;
        this.implementationWriter = implementationWriter;
        this.endpointWriter = endpointWriter;
        this.types = types;
        this.variables = variables;
        this.systems = systems;
    }

    @Transactional
    public Installed installInto(long companyId) {
        long sandbox = system(companyId, new NewSystem("Patchbay Sandbox", "Sandbox", "sandbox", "Other", "#6b46c1",
                null, "1.0", 60, "minute", "Y-m-d\\TH:i:sP", null, "sandbox", "{{patchbay_url}}/sandbox"));
        long sandboxAuth = implementation(companyId, sandbox, "token", "API key",
                "{\"headers\": {\"X-Api-Key\": \"{{api_key}}\"}}", "{\"method\": \"GET\", \"path\": \"/ping\", \"expect_status\": 200}");
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, sandboxAuth,
                List.of(template("api_key", null, "API key", true, false, true)));
        long sandboxOrders = endpoint(companyId, sandbox, sandboxAuth, new NewEndpoint("List orders", "GET", "/orders",
                "Receive", "json", "page", true, "Orders"));
        endpointWriter.replaceFilters(sandboxOrders, List.of(new Filter("Updated since", "date", "updated_since", "gte")));
        endpointWriter.replaceSchema(sandboxOrders, ORDER_SCHEMA);
        endpoint(companyId, sandbox, sandboxAuth, new NewEndpoint("Create order", "POST", "/orders", "Send", "json", null, false,
                "Orders"));

        long shopify = system(companyId, new NewSystem("Shopify", "Shopify", "shopify", "eCommerce", "#95bf47",
                "https://cdn.shopify.com/static/shopify-favicon.png", "2024-10", 2, "second", "Y-m-d\\TH:i:sP",
                "https://shopify.dev/docs/api/admin-rest", "shopify", systems.shopifyBaseUrl()));
        long shopifyAuth = implementation(companyId, shopify, "token", "Admin API access token",
                "{\"headers\": {\"X-Shopify-Access-Token\": \"{{access_token}}\"}}",
                "{\"method\": \"GET\", \"path\": \"/shop.json\", \"expect_status\": 200}");
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, shopifyAuth, List.of(
                template("shop", null, "Shop name (the part before .myshopify.com)", false, false, true),
                template("access_token", null, "Admin API access token", true, false, true),
                template("api_version", "2024-10", "API version", false, true, false)));
        long shopifyOrders = endpoint(companyId, shopify, shopifyAuth, new NewEndpoint("Get orders", "GET", "/orders.json",
                "Receive", "json", "link_header", true, "Orders"));
        endpointWriter.replaceFilters(shopifyOrders, List.of(new Filter("Updated since", "date", "updated_at_min", "gte"),
                new Filter("Status", "value", "status", "eq")));
        endpointWriter.replaceSchema(shopifyOrders, ORDER_SCHEMA);
        endpointWriter.replaceFieldTags(shopifyOrders, List.of(new FieldTag("orders.*.id", "order_id"),
                new FieldTag("orders.*.updated_at", "updated_at")));
        variables.insertAll(companyId, VariableStore.Owner.ENDPOINT, shopifyOrders,
                List.of(template("status", "any", "Order status", false, false, false)));
        endpoint(companyId, shopify, shopifyAuth, new NewEndpoint("Update product", "PUT", "/products/{{product_id}}.json",
                "Send", "json", null, false, "Products"));

        long rest = system(companyId, new NewSystem("REST API", "Generic REST API", "rest_api", "Other", "#4a5568",
                null, "1.0", 60, "minute", "Y-m-d H:i:s", null, "rest_api", "{{base_url}}"));
        long restBasic = implementation(companyId, rest, "basic", "Basic auth",
                "{\"basic\": {\"username\": \"{{username}}\", \"password\": \"{{password}}\"}}", null);
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, restBasic, List.of(
                template("base_url", null, "Base URL", false, false, true),
                template("username", null, "Username", false, false, true),
                template("password", null, "Password", true, false, true)));
        long restNone = implementation(companyId, rest, "none", "No auth", "{}", null);
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, restNone,
                List.of(template("base_url", null, "Base URL", false, false, true)));
        return new Installed(sandbox, sandboxAuth, shopify, shopifyAuth, rest, restBasic, restNone);
    }

    /** A system as the old-style fixture names it: its type by name, installed from the definition {@code template}. */
    private record NewSystem(String name, String label, String canonicalKey, String systemType, String colour, String logoUrl,
            String version, int defaultRateLimitDuration, String defaultRateLimitUnit, String defaultDateFormat,
            String helpLink, String template, String baseUrl) {}

    private record NewEndpoint(String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, boolean returnsMultipleRecords, String entityType) {}

    private long system(long companyId, NewSystem s) {
        long id = systemWriter.insert(companyId, new SystemColumns(s.name(), s.label(), s.canonicalKey(),
                types.systemTypeId(s.systemType()), "HTTP", s.colour(), s.logoUrl(), s.version(), null,
                s.defaultRateLimitDuration(), s.defaultRateLimitUnit(), s.defaultDateFormat(), s.helpLink(), s.baseUrl(),
                null, null));
        systemWriter.markInstalledFrom(companyId, id, s.template(), null);
        return id;
    }

    private long implementation(long companyId, long systemId, String type, String name, String settingsJson,
            String testRequestJson) {
        return implementationWriter.insert(companyId, systemId,
                new ImplementationColumns(types.authenticationTypeId(type), name, settingsJson, testRequestJson), null);
    }

    private long endpoint(long companyId, long systemId, long authId, NewEndpoint e) {
        long id = endpointWriter.insert(companyId, systemId, new EndpointColumns(e.name(), e.httpMethod(), e.path(),
                e.direction(), e.dataType(), e.paginationMethod(), e.returnsMultipleRecords(), types.entityTypeId(e.entityType()),
                null), null);
        endpointWriter.link(authId, id);
        return id;
    }

    private static VariableData template(String key, String value, String label, boolean secret, boolean locked,
            boolean required) {
        return new VariableData(null, key, value, label, secret, locked, null, !locked, required, false);
    }
}
