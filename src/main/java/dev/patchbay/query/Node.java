package dev.patchbay.query;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resource in a response: its own fields (a view record) followed by whatever relations,
 * counts and existence flags were included, serialized side by side as Laravel resources are.
 */
public final class Node {

    private final Object view;
    private final Map<String, Object> included = new LinkedHashMap<>();

    public Node(Object view) {
        this.view = view;
    }

    @JsonUnwrapped
    public Object getView() {
        return view;
    }

    @JsonAnyGetter
    public Map<String, Object> getIncluded() {
        return included;
    }

    public Node put(String field, Object value) {
        included.put(field, value);
        return this;
    }
}
