package dev.patchbay.builder.reference;

import dev.patchbay.catalog.CatalogViews.AuthenticationTypeView;
import dev.patchbay.catalog.CatalogViews.SystemTypeView;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Node;
import dev.patchbay.query.Page;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.stereotype.Service;

/**
 * System types and authentication types: reference data shared by every company (so no tenant
 * condition), read-only through the API. Each authentication type is implemented once in code.
 */
@Service
class ReferenceQueries {

    static final ResourceQuery SYSTEM_TYPES = ResourceQuery.forResource("system types", "id").sort("name", "name");
    static final ResourceQuery AUTHENTICATION_TYPES = ResourceQuery.forResource("authentication types", "id")
            .sort("name", "name");

    /** The same rows for every caller: the reader's {@code :company} goes unused. */
    private static final long ANY_COMPANY = 0;

    private final ListReader lists;
    private final ListSource<SystemTypeView> systemTypes = ListSource.shared("SELECT id, name", "FROM system_types WHERE TRUE",
            "id", "system type", new SimplePropertyRowMapper<>(SystemTypeView.class), Relations.none());
    private final ListSource<AuthenticationTypeView> authenticationTypes = ListSource.shared("SELECT id, key, name",
            "FROM authentication_types WHERE TRUE", "id", "authentication type",
            new SimplePropertyRowMapper<>(AuthenticationTypeView.class), Relations.none());

    ReferenceQueries(ListReader lists) {
        this.lists = lists;
    }

    Page systemTypes(QueryParams query) {
        return lists.page(ANY_COMPANY, systemTypes, query);
    }

    Page authenticationTypes(QueryParams query) {
        return lists.page(ANY_COMPANY, authenticationTypes, query);
    }

    Node systemType(long id) {
        return lists.one(ANY_COMPANY, systemTypes, id, IncludeTree.empty());
    }

    Node authenticationType(long id) {
        return lists.one(ANY_COMPANY, authenticationTypes, id, IncludeTree.empty());
    }
}
