package dev.patchbay.query;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One resource in a response: its own fields (a view record) followed by whatever relations,
 * counts and existence flags were included, serialized side by side as Laravel resources are.
 *
 * <p>{@link NodeSerializer} writes it; the {@code @JsonUnwrapped} and {@code @JsonAnyGetter} below say
 * what that output is to anything that introspects the class (the OpenAPI generator), and are what
 * Jackson would write without the serializer (which a test compares byte for byte).
 */
@JsonSerialize(using = NodeSerializer.class)
public final class Node {

    private final Object view;
    /** Created on the first put: most nodes of a deep page are leaves that include nothing. */
    private Map<String, Object> included;
    /** Set by the include engine when more than one parent holds this node, so that it is written only once. */
    private boolean shared;

    public Node(Object view) {
        this.view = view;
    }

    @JsonUnwrapped
    public Object getView() {
        return view;
    }

    @JsonAnyGetter
    public Map<String, Object> getIncluded() {
        if (included == null) {
            included = new LinkedHashMap<>();
        }
        return included;
    }

    public Node put(String field, Object value) {
        getIncluded().put(field, value);
        return this;
    }

    void markShared() {
        shared = true;
    }

    boolean shared() {
        return shared;
    }

    /** The includes as they are, or null when there are none (for the serializer, which must not allocate). */
    Map<String, Object> includedOrNull() {
        return included;
    }
}
