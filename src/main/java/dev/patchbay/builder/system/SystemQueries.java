package dev.patchbay.builder.system;

import dev.patchbay.query.Page;
import dev.patchbay.builder.Listing;
import dev.patchbay.catalog.CatalogRecords;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of systems: a page of ids, the catalog's views of them, then the includes. */
@Service
class SystemQueries {

    private final Listing listing;
    private final CatalogRecords records;
    private final SystemResource resource;

    SystemQueries(Listing listing, CatalogRecords records, SystemResource resource) {
        this.listing = listing;
        this.records = records;
        this.resource = resource;
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        return listing.page(companyId, Listing.Source.of("systems", "s"), query, records::systems, resource.relations());
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        return listing.one(companyId, id, "system", records::systems, resource.relations(), includes);
    }
}
