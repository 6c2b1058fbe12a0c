package dev.patchbay.catalog;

import dev.patchbay.query.KeyedQuery;
import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/** The marketplace's query allow-lists and its one relation, the definitions' authentication methods. */
@Component
class SystemTemplateResource {

    static final ResourceQuery QUERY = ResourceQuery.forResource("system templates", "t.name, t.id")
            .includesWithCountAndExists(List.of("authenticationImplementationTemplates"))
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) v WHERE position(lower(v) IN lower(t.name)) > 0)",
                    ValueType.TEXT)
            .filter("system_type", "t.system_type IN (:values)", ValueType.TEXT)
            .filter("key", "t.key IN (:values)", ValueType.TEXT)
            .sort("name", "t.name")
            .sort("key", "t.key")
            .sort("created_at", "t.created_at");

    /** An authentication method of a definition: what {@code authentication_implementation_template_id} names. */
    record AuthenticationImplementationTemplateView(long id, long systemTemplateId, String key, String name,
            String authenticationType) {}

    private final Relations relations;

    SystemTemplateResource(JdbcOperations jdbc) {
        this.relations = Relations.none().with("authenticationImplementationTemplates", Relation.many(
                "authentication_implementation_templates", SystemTemplateView::id,
                KeyedQuery.of(jdbc, "SELECT system_template_id AS k, id, system_template_id, key, name, authentication_type "
                                + "FROM authentication_implementation_templates WHERE system_template_id = ANY(:ids) "
                                + "ORDER BY position, id",
                        rs -> new AuthenticationImplementationTemplateView(rs.getLong("id"), rs.getLong("system_template_id"),
                                rs.getString("key"), rs.getString("name"), rs.getString("authentication_type"))),
                Relations::none));
    }

    Relations relations() {
        return relations;
    }
}
