package dev.patchbay.dashboard;

import dev.patchbay.query.Node;
import dev.patchbay.query.Page;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the API's read models into the maps the templates read, through the API's own JSON mapper:
 * a template names the same snake_case fields a client of the API sees ({@code c.rate_limit_unit}),
 * and a secret is already masked, since the read side only ever holds the mask.
 */
@Component
class ApiShapes {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    ApiShapes(JsonMapper json) {
        this.json = json;
    }

    /** Through the JSON text, as a client reads it: raw JSON fields (settings, schemas) become maps too. */
    Map<String, Object> of(Object view) {
        return json.readValue(json.writeValueAsBytes(view), MAP);
    }

    ObjectNode body() {
        return json.createObjectNode();
    }

    /** Query parameters as the API's routes receive them: {@code query("include", "logo", "sort", "name")}. */
    static Map<String, String[]> query(String... pairs) {
        Map<String, String[]> query = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                query.put(pairs[i], new String[] {pairs[i + 1]});
            }
        }
        return query;
    }

    /** Every page of a list (the API's pages hold at most 100). */
    static List<Node> all(java.util.function.Function<Map<String, String[]>, Page> list, String... pairs) {
        List<Node> all = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, String[]> query = query(pairs);
            query.put("per_page", new String[] {"100"});
            query.put("page", new String[] {String.valueOf(page)});
            Page result = list.apply(query);
            all.addAll(result.items());
            if (result.items().isEmpty() || all.size() >= result.total()) {
                return all;
            }
        }
    }

    List<Map<String, Object>> maps(List<Node> nodes) {
        return nodes.stream().map(this::of).toList();
    }
}
