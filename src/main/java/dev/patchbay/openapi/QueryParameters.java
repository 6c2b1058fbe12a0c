package dev.patchbay.openapi;

import dev.patchbay.query.QueryParams;
import dev.patchbay.query.ResourceQuery;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The query language's parameters, written from a resource's own declaration (DESIGN §3). */
final class QueryParameters {

    private QueryParameters() {}

    /** A list: includes, every declared filter, sort and the page. */
    static List<Parameter> forList(ResourceQuery declared) {
        List<Parameter> parameters = new ArrayList<>();
        if (!declared.includeNames().isEmpty()) {
            parameters.add(include(declared));
        }
        declared.filterTypes().forEach((name, type) -> parameters.add(query("filter[" + name + "]", new StringSchema(),
                type == ResourceQuery.ValueType.ID
                        ? "Filter by " + name + ": numeric ids, comma-separated to match any of them."
                        : "Filter by " + name + "; comma-separated values match any of them.")));
        if (!declared.sortNames().isEmpty()) {
            parameters.add(query("sort", new StringSchema(), "Comma-separated sorts; prefix one with `-` for descending. "
                    + "Allowed: `" + String.join("`, `", declared.sortNames()) + "`. Without it: by id."));
        }
        parameters.add(query("page", integer(1, null, 1), "The page, from 1."));
        parameters.add(query("per_page", integer(1, QueryParams.MAX_PER_PAGE, QueryParams.DEFAULT_PER_PAGE),
                "Records per page."));
        return parameters;
    }

    /** One record: includes only (filters, sort and paging would have nothing to act on). */
    static List<Parameter> forOne(ResourceQuery declared) {
        return declared.includeNames().isEmpty() ? List.of() : List.of(include(declared));
    }

    private static Parameter include(ResourceQuery declared) {
        return query("include", new StringSchema(), "Comma-separated relations to include; every prefix of a nested path "
                + "is loaded too. `X_count` adds a count, `XExists` a boolean. Allowed: `"
                + String.join("`, `", declared.includeNames()) + "`.");
    }

    private static Parameter query(String name, io.swagger.v3.oas.models.media.Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }

    private static IntegerSchema integer(int minimum, Integer maximum, int fallback) {
        IntegerSchema schema = new IntegerSchema();
        schema.setMinimum(BigDecimal.valueOf(minimum));
        if (maximum != null) {
            schema.setMaximum(BigDecimal.valueOf(maximum));
        }
        schema.setDefault(fallback);
        return schema;
    }
}
