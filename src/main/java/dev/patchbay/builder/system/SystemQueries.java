package dev.patchbay.builder.system;

import dev.patchbay.query.Page;
import dev.patchbay.catalog.CatalogRecords;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of systems: a page of ids, the catalog's views of them, then the includes. */
@Service
class SystemQueries {

    private final ListReader lists;
    private final ListSource<Long> source;

    SystemQueries(ListReader lists, CatalogRecords records, SystemResource resource) {
        this.lists = lists;
        this.source = ListSource.ofIds("systems", "s", "system", records::systems, resource.relations());
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
