package dev.patchbay.builder.endpoint;

import dev.patchbay.query.Page;
import dev.patchbay.builder.Listing;
import dev.patchbay.catalog.CatalogRecords;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.web.NotFoundException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of endpoints: a page of ids, the catalog's views, then the includes. */
@Service
class EndpointQueries {

    private final Listing listing;
    private final CatalogRecords records;
    private final EndpointResource resource;
    private final JdbcClient jdbc;

    EndpointQueries(Listing listing, CatalogRecords records, EndpointResource resource, JdbcClient jdbc) {
        this.listing = listing;
        this.records = records;
        this.resource = resource;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        return listing.page(companyId, Listing.Source.of("endpoints", "e"), query, records::endpoints, resource.relations());
    }

    /** The endpoints linked to one of the company's authentication implementations. */
    @Transactional(readOnly = true)
    Page linkedTo(long companyId, long implementationId, QueryParams query) {
        boolean exists = jdbc.sql("SELECT count(*) FROM authentication_implementations WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", implementationId).query(Long.class).single() > 0;
        if (!exists) {
            throw NotFoundException.of("authentication implementation", implementationId);
        }
        Listing.Source source = new Listing.Source("endpoints", "e", "e.id IN (SELECT endpoint_id FROM "
                + "authentication_implementation_endpoint WHERE authentication_implementation_id = :implementation)",
                Map.of("implementation", implementationId));
        return listing.page(companyId, source, query, records::endpoints, resource.relations());
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        return listing.one(companyId, id, "endpoint", records::endpoints, resource.relations(), includes);
    }
}
