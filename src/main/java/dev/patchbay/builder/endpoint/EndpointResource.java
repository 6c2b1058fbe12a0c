package dev.patchbay.builder.endpoint;

import dev.patchbay.catalog.CatalogRelations;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import java.util.List;
import org.springframework.stereotype.Component;

/** The endpoints' query allow-lists; the include graph is the catalog's. */
@Component
class EndpointResource {

    static final ResourceQuery QUERY = ResourceQuery.forResource("endpoints", "e.id")
            .includes(List.of("filters", "endpointSchema", "system", "system.logo", "entityType", "fieldTags", "variables"))
            .filter("system", "e.system_id IN (:values)", ValueType.ID)
            .filter("direction", "e.direction IN (:values)", ValueType.TEXT)
            .filter("entity_type", "e.entity_type_id IN (:values)", ValueType.ID)
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) v WHERE strpos(lower(e.name), lower(v)) > 0)",
                    ValueType.TEXT)
            .sort("name", "e.name")
            .sort("created_at", "e.created_at");

    private final CatalogRelations catalog;

    EndpointResource(CatalogRelations catalog) {
        this.catalog = catalog;
    }

    Relations relations() {
        return catalog.endpointRelations();
    }
}
