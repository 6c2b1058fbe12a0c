package dev.patchbay.catalog;

import dev.patchbay.catalog.CatalogWriter.NewEndpoint;
import dev.patchbay.catalog.CatalogWriter.NewFieldTag;
import dev.patchbay.catalog.CatalogWriter.NewFilter;
import dev.patchbay.catalog.CatalogWriter.NewSystem;
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

    private final CatalogWriter writer;
    private final VariableStore variables;
    private final FakeSystems systems;

    DemoCatalog(CatalogWriter writer, VariableStore variables, FakeSystems systems) {
        this.writer = writer;
        this.variables = variables;
        this.systems = systems;
    }

    @Transactional
    public Installed installInto(long companyId) {
        long sandbox = writer.insertSystem(companyId, new NewSystem("Patchbay Sandbox", "Sandbox", "sandbox", "Other", "#6b46c1",
                null, "1.0", 60, "minute", "Y-m-d\\TH:i:sP", null, "sandbox", "{{patchbay_url}}/sandbox"));
        long sandboxAuth = writer.insertAuthenticationImplementation(companyId, sandbox, "token", "API key",
                "{\"headers\": {\"X-Api-Key\": \"{{api_key}}\"}}", "{\"method\": \"GET\", \"path\": \"/ping\", \"expect_status\": 200}");
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, sandboxAuth,
                List.of(template("api_key", null, "API key", true, false, true)));
        long sandboxOrders = endpoint(companyId, sandbox, sandboxAuth, new NewEndpoint("List orders", "GET", "/orders",
                "Receive", "json", "page", true, "Orders"));
        writer.insertFilters(sandboxOrders, List.of(new NewFilter("Updated since", "date", "updated_since", "gte")));
        writer.insertSchema(sandboxOrders, ORDER_SCHEMA);
        endpoint(companyId, sandbox, sandboxAuth, new NewEndpoint("Create order", "POST", "/orders", "Send", "json", null, false,
                "Orders"));

        long shopify = writer.insertSystem(companyId, new NewSystem("Shopify", "Shopify", "shopify", "eCommerce", "#95bf47",
                "https://cdn.shopify.com/static/shopify-favicon.png", "2024-10", 2, "second", "Y-m-d\\TH:i:sP",
                "https://shopify.dev/docs/api/admin-rest", "shopify", systems.shopifyBaseUrl()));
        long shopifyAuth = writer.insertAuthenticationImplementation(companyId, shopify, "token", "Admin API access token",
                "{\"headers\": {\"X-Shopify-Access-Token\": \"{{access_token}}\"}}",
                "{\"method\": \"GET\", \"path\": \"/shop.json\", \"expect_status\": 200}");
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, shopifyAuth, List.of(
                template("shop", null, "Shop name (the part before .myshopify.com)", false, false, true),
                template("access_token", null, "Admin API access token", true, false, true),
                template("api_version", "2024-10", "API version", false, true, false)));
        long shopifyOrders = endpoint(companyId, shopify, shopifyAuth, new NewEndpoint("Get orders", "GET", "/orders.json",
                "Receive", "json", "link_header", true, "Orders"));
        writer.insertFilters(shopifyOrders, List.of(new NewFilter("Updated since", "date", "updated_at_min", "gte"),
                new NewFilter("Status", "value", "status", "eq")));
        writer.insertSchema(shopifyOrders, ORDER_SCHEMA);
        writer.insertFieldTags(shopifyOrders, List.of(new NewFieldTag("orders.*.id", "order_id"),
                new NewFieldTag("orders.*.updated_at", "updated_at")));
        variables.insertAll(companyId, VariableStore.Owner.ENDPOINT, shopifyOrders,
                List.of(template("status", "any", "Order status", false, false, false)));
        endpoint(companyId, shopify, shopifyAuth, new NewEndpoint("Update product", "PUT", "/products/{{product_id}}.json",
                "Send", "json", null, false, "Products"));

        long rest = writer.insertSystem(companyId, new NewSystem("REST API", "Generic REST API", "rest_api", "Other", "#4a5568",
                null, "1.0", 60, "minute", "Y-m-d H:i:s", null, "rest_api", "{{base_url}}"));
        long restBasic = writer.insertAuthenticationImplementation(companyId, rest, "basic", "Basic auth",
                "{\"basic\": {\"username\": \"{{username}}\", \"password\": \"{{password}}\"}}", null);
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, restBasic, List.of(
                template("base_url", null, "Base URL", false, false, true),
                template("username", null, "Username", false, false, true),
                template("password", null, "Password", true, false, true)));
        long restNone = writer.insertAuthenticationImplementation(companyId, rest, "none", "No auth", "{}", null);
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, restNone,
                List.of(template("base_url", null, "Base URL", false, false, true)));
        return new Installed(sandbox, sandboxAuth, shopify, shopifyAuth, rest, restBasic, restNone);
    }

    private long endpoint(long companyId, long systemId, long authId, NewEndpoint endpoint) {
        long id = writer.insertEndpoint(companyId, systemId, endpoint);
        writer.linkEndpoint(authId, id);
        return id;
    }

    private static VariableData template(String key, String value, String label, boolean secret, boolean locked,
            boolean required) {
        return new VariableData(null, key, value, label, secret, locked, null, !locked, required, false);
    }
}
