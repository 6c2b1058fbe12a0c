package dev.patchbay.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The connector schemas in the OpenAPI document stay in step with the code that reads and checks them. */
class ConnectorDocumentationTests extends ApiTest {

    @Test
    void shouldDocumentTheRateLimitUnitsTheValidatorAccepts() {
        Response docs = api.get("/v3/api-docs", null);

        for (String schema : List.of("CreateConnectorRequest", "UpdateConnectorRequest", "CreateConnectorInstanceRequest",
                "Connector")) {
            JsonNode units = docs.at("/components/schemas/" + schema + "/properties/rate_limit_unit/enum");
            assertThat(units.valueStream().map(JsonNode::asString).toList()).as(schema)
                    .isEqualTo(SettingsRules.RATE_LIMIT_UNITS);
        }
    }

    @Test
    void shouldDocumentEveryFieldTheUpdateBodyReads() {
        List<String> bound = Arrays.stream(UpdateConnectorRequest.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("Sent"))
                .map(Field::getName)
                .toList();
        List<String> documented = Arrays.stream(UpdateConnectorRequest.Documented.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(documented).isEqualTo(bound);
    }
}
