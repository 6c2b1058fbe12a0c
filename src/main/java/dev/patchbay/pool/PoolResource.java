package dev.patchbay.pool;

import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import java.util.List;
import org.springframework.stereotype.Component;

/** The connection pools' query allow-lists (DESIGN §3) and their include graph. */
@Component
class PoolResource {

    /** {@code filter[name]} matches a part of the name, ignoring case (laravel-query-builder's default); commas mean "any of". */
    static final ResourceQuery QUERY = ResourceQuery.forResource("connection-pools", "p.id")
            .includesWithCountAndExists(List.of("connectors"))
            .includes(List.of("connectors.system"))
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) AS f(v) "
                    + "WHERE strpos(lower(p.name), lower(f.v)) > 0)", ValueType.TEXT)
            .sort("name", "p.name")
            .sort("limit", "p.\"limit\"")
            .sort("created_at", "p.created_at");

    private final Relations relations;

    PoolResource(PoolConnectors reads) {
        this.relations = Relations.none()
                .with("connectors", Relation.many("connectors", PoolView::id, reads.connectorsByPool, () -> Relations.none()
                        .with("system", Relation.one("system", PoolConnectorView::systemId, reads.systemsById,
                                Relations::none))));
    }

    Relations relations() {
        return relations;
    }
}
