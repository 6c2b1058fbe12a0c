package dev.patchbay.builder.reference;

import dev.patchbay.query.Page;
import dev.patchbay.catalog.CatalogViews.AuthenticationTypeView;
import dev.patchbay.catalog.CatalogViews.SystemTypeView;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * System types and authentication types: reference data shared by every company (so no tenant
 * condition), read-only through the API. Each authentication type is implemented once in code.
 */
@Service
class ReferenceQueries {

    static final ResourceQuery SYSTEM_TYPES = ResourceQuery.forResource("system types", "id").sort("name", "name");
    static final ResourceQuery AUTHENTICATION_TYPES = ResourceQuery.forResource("authentication types", "id")
            .sort("name", "name");

    private final JdbcClient jdbc;

    ReferenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Page systemTypes(QueryParams query) {
        return page("system_types", "id, name", SystemTypeView.class, query);
    }

    @Transactional(readOnly = true)
    Page authenticationTypes(QueryParams query) {
        return page("authentication_types", "id, key, name", AuthenticationTypeView.class, query);
    }

    @Transactional(readOnly = true)
    Node systemType(long id) {
        return one("system_types", "id, name", SystemTypeView.class, id, "system type");
    }

    @Transactional(readOnly = true)
    Node authenticationType(long id) {
        return one("authentication_types", "id, key, name", AuthenticationTypeView.class, id, "authentication type");
    }

    private <T> Page page(String table, String columns, Class<T> type, QueryParams query) {
        long total = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
        List<Node> items = jdbc.sql("SELECT " + columns + " FROM " + table + " ORDER BY " + query.orderBy()
                        + " LIMIT :limit OFFSET :offset")
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query(type)
                .list()
                .stream()
                .map(Node::new)
                .toList();
        return new Page(items, total);
    }

    private <T> Node one(String table, String columns, Class<T> type, long id, String resource) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(type)
                .optional()
                .map(Node::new)
                .orElseThrow(() -> NotFoundException.of(resource, id));
    }
}
