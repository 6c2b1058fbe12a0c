package dev.patchbay.catalog.definition;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a connector definition in three steps, each naming the file and the place of every problem:
 * JSON syntax (line and column), the JSON Schema that editors use too (so the two never drift), and
 * the rules a schema cannot say ({@link DefinitionRules}).
 */
@Component
public class DefinitionParser {

    static final String SCHEMA = "connector-definition.schema.json";

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Schema schema;

    public DefinitionParser() {
        try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The connector definition schema is missing from the classpath", e);
        }
    }

    public ParsedDefinition parse(String file, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            return invalid(file, null, List.of(new DefinitionProblem(file, where, "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            return invalid(file, node, List.of(new DefinitionProblem(file, "$", "must be a JSON object")));
        }
        List<DefinitionProblem> problems = schema.validate(node).stream()
                .map(error -> new DefinitionProblem(file, location(error), describe(error)))
                .sorted(Comparator.comparing(DefinitionProblem::path))
                .toList();
        if (!problems.isEmpty()) {
            return invalid(file, node, problems);
        }
        ConnectorDefinition definition = json.treeToValue(node, ConnectorDefinition.class);
        problems = DefinitionRules.check(file, definition);
        return problems.isEmpty() ? new ParsedDefinition(file, definition, node, List.of()) : invalid(file, node, problems);
    }

    private static ParsedDefinition invalid(String file, JsonNode node, List<DefinitionProblem> problems) {
        return new ParsedDefinition(file, null, node, problems);
    }

    /** A JSON path ({@code $.a[0].b}) to the failing value, or to the property the validator names. */
    private static String location(Error error) {
        NodePath at = error.getInstanceLocation();
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        if (error.getProperty() != null && ("required".equals(error.getKeyword())
                || "additionalProperties".equals(error.getKeyword()))) {
            path.append('.').append(error.getProperty());
        }
        return path.toString();
    }

    /** The validator's message without the location it starts with, which the problem carries already. */
    private static String describe(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        if (colon >= 0 && !message.substring(0, colon).contains(" ")) {
            message = message.substring(colon + 2);
        }
        JsonNode found = error.getInstanceNode();
        if (found != null && found.isValueNode() && !message.contains(found.toString())) {
            message = message + " (found " + found + ")";
        }
        return message;
    }
}
