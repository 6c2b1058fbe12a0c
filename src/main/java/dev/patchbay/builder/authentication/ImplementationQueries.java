package dev.patchbay.builder.authentication;

import dev.patchbay.query.Page;
import dev.patchbay.builder.Listing;
import dev.patchbay.catalog.CatalogRecords;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of authentication implementations: a page of ids, the catalog's views, then the includes. */
@Service
class ImplementationQueries {

    private final Listing listing;
    private final CatalogRecords records;
    private final ImplementationResource resource;

    ImplementationQueries(Listing listing, CatalogRecords records, ImplementationResource resource) {
        this.listing = listing;
        this.records = records;
        this.resource = resource;
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        return listing.page(companyId, Listing.Source.of("authentication_implementations", "ai"), query,
                records::authenticationImplementations, resource.relations());
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        return listing.one(companyId, id, "authentication implementation", records::authenticationImplementations,
                resource.relations(), includes);
    }
}
