package dev.patchbay.builder;

import dev.patchbay.web.JsonBody;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request body into a request record, for creates and for updates. An update is the current
 * record with the body's fields laid over it ({@code PUT} keeps what the body leaves out, and an
 * explicit {@code null} clears a field), so creates and updates go through the same validator. The
 * reading itself is the API's one {@link JsonBody}: a wrong JSON type joins the validator's 422.
 */
@Component
public class JsonInput {

    private final JsonBody body;
    private final JsonMapper json;

    JsonInput(JsonBody body, JsonMapper json) {
        this.body = body;
        this.json = json;
    }

    public <T> T read(JsonNode node, Class<T> type) {
        return body.read(node, type);
    }

    /** The current values with every field present in {@code changes} replaced by the sent one. */
    public <T> T merge(T current, JsonNode changes, Class<T> type) {
        return body.merge(current, changes, type);
    }

    public String write(JsonNode node) {
        return node == null || node.isNull() ? null : json.writeValueAsString(node);
    }
}
