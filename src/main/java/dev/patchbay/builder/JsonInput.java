package dev.patchbay.builder;

import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.ValidationFailedException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a request body into a request record, for creates and for updates. An update is the current
 * record with the body's fields laid over it ({@code PUT} keeps what the body leaves out, and an
 * explicit {@code null} clears a field), so creates and updates go through the same validator. A
 * wrong JSON type becomes a 422 on that field, not a 400 or a 500.
 */
@Component
public class JsonInput {

    private final JsonMapper json;

    JsonInput(JsonMapper json) {
        this.json = json;
    }

    public <T> T read(JsonNode body, Class<T> type) {
        return convert(object(body), type);
    }

    /** The current values with every field present in {@code changes} replaced by the sent one. */
    public <T> T merge(T current, JsonNode changes, Class<T> type) {
        ObjectNode merged = json.valueToTree(current);
        object(changes).properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        return convert(merged, type);
    }

    public String write(JsonNode node) {
        return node == null || node.isNull() ? null : json.writeValueAsString(node);
    }

    private static ObjectNode object(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw ValidationFailedException.of("body", "The request body must be a JSON object.");
    }

    private <T> T convert(ObjectNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        } catch (DatabindException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            throw new ValidationFailedException(new FieldErrors().addAbout(field.isEmpty() ? "body" : field,
                    "field has the wrong type."));
        }
    }
}
