package dev.patchbay.flow;

import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;

/** The process flows' query allow-lists. Steps are part of every flow, so there is nothing to include. */
final class FlowResource {

    /**
     * {@code filter[name]} matches a part of the name, ignoring case; {@code filter[enabled]} takes
     * {@code true}/{@code false} (or 1/0), and any other value matches nothing.
     */
    static final ResourceQuery QUERY = ResourceQuery.forResource("process-flows", "f.id")
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) AS q(v) "
                    + "WHERE strpos(lower(f.name), lower(q.v)) > 0)", ValueType.TEXT)
            .filter("enabled", "f.enabled::text IN (SELECT CASE lower(q.v) WHEN '1' THEN 'true' WHEN '0' THEN 'false' "
                    + "ELSE lower(q.v) END FROM unnest(ARRAY[:values]::text[]) AS q(v))", ValueType.TEXT)
            .sort("name", "f.name")
            .sort("created_at", "f.created_at");

    private FlowResource() {}
}
