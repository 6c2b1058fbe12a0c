package dev.patchbay.builder.authentication;

import dev.patchbay.query.Page;
import dev.patchbay.catalog.CatalogRecords;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of authentication implementations: a page of ids, the catalog's views, then the includes. */
@Service
class ImplementationQueries {

    private final ListReader lists;
    private final ListSource<Long> source;

    ImplementationQueries(ListReader lists, CatalogRecords records, ImplementationResource resource) {
        this.lists = lists;
        this.source = ListSource.ofIds("authentication_implementations", "ai", "authentication implementation",
                records::authenticationImplementations, resource.relations());
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        return lists.page(companyId, source, query);
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        return lists.one(companyId, source, id, includes);
    }
}
