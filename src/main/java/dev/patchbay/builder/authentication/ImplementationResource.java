package dev.patchbay.builder.authentication;

import dev.patchbay.catalog.CatalogRelations;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import java.util.List;
import org.springframework.stereotype.Component;

/** The authentication implementations' query allow-lists; the include graph is the catalog's. */
@Component
class ImplementationResource {

    static final ResourceQuery QUERY = ResourceQuery.forResource("authentication implementations", "ai.id")
            .includesWithCountAndExists(List.of("variables"))
            .includes(List.of("authenticationType", "system", "system.logo", "system.systemType", "endpoints",
                    "endpoints.filters", "endpoints.endpointSchema", "endpoints.system", "endpoints.system.logo",
                    "endpoints.entityType", "endpoints.fieldTags", "endpoints.variables"))
            .filter("system", "ai.system_id IN (:values)", ValueType.ID)
            .filter("authentication_type", "ai.authentication_type_id IN (:values)", ValueType.ID)
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) v WHERE strpos(lower(ai.name), lower(v)) > 0)",
                    ValueType.TEXT)
            .sort("name", "ai.name")
            .sort("created_at", "ai.created_at");

    private final CatalogRelations catalog;

    ImplementationResource(CatalogRelations catalog) {
        this.catalog = catalog;
    }

    Relations relations() {
        return catalog.authenticationImplementationRelations();
    }
}
