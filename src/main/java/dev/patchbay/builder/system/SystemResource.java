package dev.patchbay.builder.system;

import dev.patchbay.catalog.CatalogRelations;
import dev.patchbay.catalog.CatalogViews.SystemView;
import dev.patchbay.query.Grouping;
import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The systems' query allow-lists and include graph (the catalog's, plus its children and connector counts). */
@Component
class SystemResource {

    static final ResourceQuery QUERY = ResourceQuery.forResource("systems", "s.id")
            .includes(List.of("authenticationImplementations", "endpoints", "logo", "systemType", "connectors_count",
                    "connectorsExists"))
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) v WHERE strpos(lower(s.name), lower(v)) > 0)",
                    ValueType.TEXT)
            .filter("canonical_key", "s.canonical_key IN (:values)", ValueType.TEXT)
            .filter("system_type", "s.system_type_id IN (:values)", ValueType.ID)
            .filter("system_template_id", "s.system_template_id IN (:values)", ValueType.TEXT)
            .sort("name", "s.name")
            .sort("created_at", "s.created_at");

    private final Relations relations;
    private final JdbcClient jdbc;

    SystemResource(CatalogRelations catalog, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.relations = catalog.systemRelations()
                .with("authenticationImplementations", catalog.authenticationImplementationsOfSystem())
                .with("endpoints", catalog.endpointsOfSystem())
                .with("connectors", Relation.many("connectors", SystemView::id, this::connectorIds, Relations::none));
    }

    Relations relations() {
        return relations;
    }

    /** The API connectors on the systems' authentication implementations (ids only: counted, never shown). */
    private Map<Long, List<?>> connectorIds(long companyId, Collection<Long> systemIds) {
        return Grouping.byKey(jdbc.sql("SELECT ai.system_id, c.id FROM connectors c JOIN authentication_implementations ai "
                        + "ON ai.id = c.authentication_implementation_id WHERE c.company_id = :company "
                        + "AND ai.system_id IN (:ids)")
                .param("company", companyId)
                .param("ids", systemIds)
                .query((rs, n) -> new Grouping.Keyed<>(rs.getLong(1), rs.getLong(2)))
                .list());
    }
}
