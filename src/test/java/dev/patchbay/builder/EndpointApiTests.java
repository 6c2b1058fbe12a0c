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

class EndpointApiTests extends ApiTest {

    private static final String ENDPOINTS = "/api/v1/endpoints";

    private Map<String, Object> body(Tenant tenant) {
        Map<String, Object> body = new HashMap<>();
        body.put("system_id", tenant.catalog().restSystemId());
        body.put("name", "List customers");
        body.put("http_method", "GET");
        body.put("path", "/customers/{{region}}");
        body.put("direction", "Receive");
        body.put("data_type", "xml");
        body.put("pagination_method", "cursor");
        body.put("returns_multiple_records", true);
        body.put("entity_type_id", 3);
        body.put("deprecated_at", "2026-01-31T12:00:00Z");
        body.put("filters", List.of(Map.of("name", "Updated since", "type", "date", "parameter", "updated_after",
                "operator", "gte"), Map.of("name", "Status", "type", "value", "parameter", "status")));
        body.put("endpoint_schema", Map.of("type", "array", "items", Map.of("type", "object")));
        body.put("field_tags", List.of(Map.of("path", "customers.*.id", "tag", "customer_id")));
        body.put("authentication_implementation_ids", List.of(tenant.catalog().restBasicAuthId()));
        return body;
    }

    private long create(Tenant tenant) {
        Response created = api.post(ENDPOINTS, tenant.apiKey(), body(tenant));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    @Test
    void shouldCreateEndpointWithNestedFiltersSchemaFieldTagsAndLinks() {
        Tenant tenant = data.company();

        Response created = api.post(ENDPOINTS, tenant.apiKey(), body(tenant));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode endpoint = created.at("/data");
        assertThat(endpoint.get("http_method").asString()).isEqualTo("GET");
        assertThat(endpoint.get("path").asString()).isEqualTo("/customers/{{region}}");
        assertThat(endpoint.get("data_type").asString()).isEqualTo("xml");
        assertThat(endpoint.get("returns_multiple_records").asBoolean()).isTrue();
        assertThat(endpoint.get("entity_type_id").asLong()).isEqualTo(3);
        assertThat(endpoint.get("deprecated_at").asString()).isEqualTo("2026-01-31T12:00:00.000000Z");
        assertThat(endpoint.at("/filters/0/operator").asString()).isEqualTo("gte");
        assertThat(endpoint.at("/filters/1/operator").asString()).as("default").isEqualTo("eq");
        assertThat(endpoint.at("/endpoint_schema/schema/type").asString()).isEqualTo("array");
        assertThat(endpoint.at("/field_tags/0/tag").asString()).isEqualTo("customer_id");
        Response linked = api.get("/api/v1/authentication-implementations/" + tenant.catalog().restBasicAuthId() + "/endpoints",
                tenant.apiKey());
        assertThat(linked.at("/data/0/id").asLong()).isEqualTo(endpoint.get("id").asLong());
    }

    @Test
    void shouldReportEveryInvalidFieldWithDottedNestedPaths() {
        Tenant tenant = data.company();
        Map<String, Object> body = new HashMap<>();
        body.put("system_id", tenant.catalog().restSystemId());
        body.put("name", "n".repeat(256));
        body.put("http_method", "FETCH");
        body.put("path", "customers");
        body.put("direction", "Sideways");
        body.put("data_type", "yaml");
        body.put("pagination_method", "p".repeat(51));
        body.put("entity_type_id", 99999);
        body.put("deprecated_at", "yesterday");
        body.put("filters", List.of(Map.of("name", "Since", "type", "time", "parameter", "since", "operator", "about"),
                Map.of("type", "date")));
        body.put("endpoint_schema", Map.of("title", "no type"));
        body.put("field_tags", List.of(Map.of("path", "id")));
        body.put("authentication_implementation_ids", List.of(tenant.catalog().shopifyTokenAuthId(), 99999999));

        Response response = api.post(ENDPOINTS, tenant.apiKey(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "http_method", "path",
                "direction", "data_type", "pagination_method", "entity_type_id", "deprecated_at", "filters.0.type",
                "filters.0.operator", "filters.1.name", "filters.1.parameter", "endpoint_schema", "field_tags.0.tag",
                "authentication_implementation_ids.0", "authentication_implementation_ids.1");
        assertThat(response.at("/errors/filters.0.type/0").asString()).isEqualTo("The filters.0.type field must be one of date, value.");
        assertThat(rows("SELECT count(*) FROM endpoints WHERE company_id = :id", tenant.id())).isEqualTo(4);
    }

    @Test
    void shouldRequireTheEndpointsFieldsAndRefuseAnotherCompanysSystem() {
        Tenant tenant = data.company();
        Tenant other = data.company();

        Response missing = api.post(ENDPOINTS, tenant.apiKey(), Map.of());
        assertThat(missing.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("system_id", "name", "http_method", "path", "direction");

        Map<String, Object> foreign = body(tenant);
        foreign.put("system_id", other.catalog().restSystemId());
        foreign.remove("authentication_implementation_ids");
        Response response = api.post(ENDPOINTS, tenant.apiKey(), foreign);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/errors/system_id/0").asString()).isEqualTo("The selected system id is invalid.");
    }

    @Test
    void shouldReplaceOnlyTheNestedListsGivenOnUpdate() {
        Tenant tenant = data.company();
        long id = create(tenant);

        Response updated = api.put(ENDPOINTS + "/" + id, tenant.apiKey(), "{\"name\": \"Customers\", "
                + "\"filters\": [{\"name\": \"Country\", \"type\": \"value\", \"parameter\": \"country\"}], "
                + "\"deprecated_at\": null, \"authentication_implementation_ids\": []}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/data/name").asString()).isEqualTo("Customers");
        assertThat(updated.at("/data/deprecated_at").isNull()).isTrue();
        assertThat(updated.at("/data/path").asString()).as("kept").isEqualTo("/customers/{{region}}");
        assertThat(updated.at("/data/filters")).hasSize(1);
        assertThat(updated.at("/data/filters/0/name").asString()).isEqualTo("Country");
        assertThat(updated.at("/data/field_tags")).as("absent list kept").hasSize(1);
        assertThat(updated.at("/data/endpoint_schema/schema/type").asString()).isEqualTo("array");
        assertThat(rows("SELECT count(*) FROM authentication_implementation_endpoint WHERE endpoint_id = :id", id)).isZero();

        Response schemaRemoved = api.put(ENDPOINTS + "/" + id, tenant.apiKey(), "{\"endpoint_schema\": null, \"field_tags\": []}");
        assertThat(schemaRemoved.at("/data/endpoint_schema").isNull()).isTrue();
        assertThat(schemaRemoved.at("/data/field_tags")).isEmpty();

        Response moved = api.put(ENDPOINTS + "/" + id, tenant.apiKey(), Map.of("system_id", tenant.catalog().shopifySystemId(),
                "http_method", "GRAB"));
        assertThat(moved.json().get("errors").propertyNames()).containsExactlyInAnyOrder("system_id", "http_method");
    }

    @Test
    void shouldListFilterSortAndInclude() {
        Tenant tenant = data.company();
        long id = create(tenant);

        Response byDirection = api.get(Api.encoded(ENDPOINTS + "?filter[direction]=Send&sort=name"), tenant.apiKey());
        assertThat(byDirection.at("/data").valueStream().map(e -> e.get("name").asString()))
                .containsExactly("Create order", "Update product");
        assertThat(api.get(Api.encoded(ENDPOINTS + "?filter[system]=" + tenant.catalog().restSystemId()), tenant.apiKey())
                .at("/data/0/id").asLong()).isEqualTo(id);
        assertThat(api.get(Api.encoded(ENDPOINTS + "?filter[entity_type]=3"), tenant.apiKey()).at("/meta/total").asLong())
                .isEqualTo(1);
        assertThat(api.get(Api.encoded(ENDPOINTS + "?filter[name]=customers"), tenant.apiKey()).at("/meta/total").asLong())
                .isEqualTo(1);
        assertThat(api.get(ENDPOINTS + "?sort=-created_at", tenant.apiKey()).at("/data/0/id").asLong()).isEqualTo(id);

        long shopifyOrders = data.jdbc().sql("SELECT min(id) FROM endpoints WHERE system_id = :s")
                .param("s", tenant.catalog().shopifySystemId()).query(Long.class).single();
        Response included = api.get(ENDPOINTS + "/" + shopifyOrders
                + "?include=filters,endpointSchema,system.logo,entityType,fieldTags,variables", tenant.apiKey());
        JsonNode endpoint = included.at("/data");
        assertThat(endpoint.get("filters")).hasSize(2);
        assertThat(endpoint.at("/endpoint_schema/schema/type").asString()).isEqualTo("object");
        assertThat(endpoint.at("/system/logo/url").asString()).startsWith("https://");
        assertThat(endpoint.at("/entity_type/name").asString()).isEqualTo("Orders");
        assertThat(endpoint.get("field_tags")).hasSize(2);
        assertThat(endpoint.at("/variables/0/key").asString()).isEqualTo("status");
        assertThat(api.get(ENDPOINTS + "?include=authenticationImplementations", tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(Api.encoded(ENDPOINTS + "?filter[path]=/x"), tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseToDeleteEndpointUsedByProcessFlowsNamingThem() {
        Tenant tenant = data.company();
        long connector = data.shopifyConnector(tenant, "Shop");
        long endpoint = data.jdbc().sql("SELECT min(id) FROM endpoints WHERE system_id = :s")
                .param("s", tenant.catalog().shopifySystemId()).query(Long.class).single();
        long flow = data.processFlowUsing(tenant, connector, "Orders to ERP", true);
        data.jdbc().sql("UPDATE process_flow_steps SET endpoint_id = :e WHERE process_flow_id = :f")
                .param("e", endpoint).param("f", flow).update();

        Response refused = api.delete(ENDPOINTS + "/" + endpoint, tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/errors/endpoint/0").asString())
                .isEqualTo("The endpoint is used by 1 process flow and cannot be deleted: Orders to ERP (#" + flow + ").");
        assertThat(refused.at("/errors/process_flows/0").asString()).isEqualTo("Orders to ERP (#" + flow + ")");
        long unused = create(tenant);
        assertThat(api.delete(ENDPOINTS + "/" + unused, tenant.apiKey()).status()).isEqualTo(200);
        assertThat(rows("SELECT count(*) FROM endpoint_filters WHERE endpoint_id = :id", unused)).isZero();
    }

    @Test
    void shouldHideOtherCompaniesEndpoints() {
        Tenant tenant = data.company();
        Tenant other = data.company();
        long theirs = data.jdbc().sql("SELECT min(id) FROM endpoints WHERE company_id = :c").param("c", other.id())
                .query(Long.class).single();

        assertThat(api.get(ENDPOINTS + "/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.put(ENDPOINTS + "/" + theirs, tenant.apiKey(), Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete(ENDPOINTS + "/" + theirs, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/authentication-implementations/" + tenant.catalog().shopifyTokenAuthId() + "/endpoints",
                tenant.apiKey(), Map.of("endpoint_id", theirs)).status()).isEqualTo(422);
        assertThat(api.get(ENDPOINTS + "?per_page=100", tenant.apiKey()).at("/meta/total").asLong()).isEqualTo(4);
    }

    private long rows(String sql, long id) {
        return data.jdbc().sql(sql).param("id", id).query(Long.class).single();
    }
}
