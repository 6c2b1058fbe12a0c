package dev.patchbay.connector;

import static dev.patchbay.connector.ConnectorQueryFixtures.CONNECTORS;
import static dev.patchbay.connector.ConnectorQueryFixtures.insertRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.QueryParser;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsonFormatVisitors.JsonAnyFormatVisitor;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;

/**
 * {@code Node} has a serializer of its own for speed (docs/performance.md, reads); its output must be
 * byte for byte what Jackson wrote from Node's {@code @JsonUnwrapped} view and {@code @JsonAnyGetter}
 * includes before, on the largest read there is: 100 connectors with every allowed include, counts and flags,
 * where most nodes below the connectors are shared by many of them (written once, then copied).
 */
class DeepPageSerializationTests extends ApiTest {

    private static final String EVERYTHING = String.join(",", ConnectorIncludeTests.ALLOWED_INCLUDES);

    @Autowired
    private JsonMapper mapper;

    @Autowired
    private ConnectorQueries connectors;

    /** Takes Node's own serializer away, leaving Jackson's bean path over its annotations (the writing before). */
    @JsonSerialize(using = ValueSerializer.None.class)
    private abstract static class JacksonBeanPath {}

    @Test
    void shouldWriteTheDeepestPageExactlyAsJacksonsBeanPathDid() {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "Bench cert");
        var catalog = tenant.catalog();
        insertRows(data.jdbc(), tenant, catalog.shopifyTokenAuthId(), "Shop", 40, certificate);
        insertRows(data.jdbc(), tenant, catalog.sandboxTokenAuthId(), "Sandbox", 25, null);
        insertRows(data.jdbc(), tenant, catalog.restNoAuthId(), "Rest", 15, certificate);
        insertRows(data.jdbc(), tenant, catalog.restBasicAuthId(), "Basic rest", 20, null);
        QueryParams query = QueryParser.parse(
                Map.of("per_page", new String[] {"100"}, "include", new String[] {EVERYTHING}), ConnectorResource.QUERY);
        List<Node> page = connectors.list(tenant.id(), query).items();
        JsonMapper beanPath = mapper.rebuild().addMixIn(Node.class, JacksonBeanPath.class).build();
        assertThat(formatOfNode(mapper)).as("the application's mapper writes Node with its own serializer").isEqualTo("any");
        assertThat(formatOfNode(beanPath)).as("the mix-in leaves Jackson's bean serializer").isEqualTo("object");

        String written = mapper.writeValueAsString(page);

        assertThat(page).hasSize(100);
        assertThat(written).contains("\"endpoint_schema\":{", "\"variables_count\":3", "\"certificate_exists\":false",
                "\"certificate\":null", "\"user\":{", "\"field_tags\":[");
        assertThat(written).as("written to characters").isEqualTo(beanPath.writeValueAsString(page));
        assertThat(new String(mapper.writeValueAsBytes(page), StandardCharsets.UTF_8)).as("written to bytes, as a response is")
                .isEqualTo(written);
        assertThat(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(page)).as("indented")
                .isEqualTo(beanPath.writerWithDefaultPrettyPrinter().writeValueAsString(page));
        Response response = api.get(CONNECTORS + "?per_page=100&include=" + EVERYTHING, tenant.apiKey());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).as("the API answers the same bytes").startsWith("{\"data\":" + written + ",\"links\":");
    }

    /** What Node's serializer says it writes: "object" for Jackson's bean serializer, "any" for a custom one. */
    private static String formatOfNode(JsonMapper mapper) {
        AtomicReference<String> format = new AtomicReference<>("none");
        mapper.acceptJsonFormatVisitor(Node.class, new JsonFormatVisitorWrapper.Base() {
            @Override
            public JsonObjectFormatVisitor expectObjectFormat(JavaType type) {
                format.set("object");
                return null;
            }

            @Override
            public JsonAnyFormatVisitor expectAnyFormat(JavaType type) {
                format.set("any");
                return null;
            }
        });
        return format.get();
    }
}
