package dev.patchbay.builder.endpoint;

import dev.patchbay.query.Page;
import dev.patchbay.catalog.CatalogRecords;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
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

    private final ListReader lists;
    private final ListSource<Long> endpoints;
    /** The endpoints linked to the authentication implementation {@code :implementation}. */
    private final ListSource<Long> linked;
    private final JdbcClient jdbc;

    EndpointQueries(ListReader lists, CatalogRecords records, EndpointResource resource, JdbcClient jdbc) {
        this.lists = lists;
        this.endpoints = ListSource.ofIds("endpoints", "e", "endpoint", records::endpoints, resource.relations());
        this.linked = endpoints.where("e.id IN (SELECT endpoint_id FROM authentication_implementation_endpoint "
                + "WHERE authentication_implementation_id = :implementation)");
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        return lists.page(companyId, endpoints, query);
    }

    /** The endpoints linked to one of the company's authentication implementations. */
    @Transactional(readOnly = true)
    Page linkedTo(long companyId, long implementationId, QueryParams query) {
        boolean exists = jdbc.sql("SELECT count(*) FROM authentication_implementations WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", implementationId).query(Long.class).single() > 0;
        if (!exists) {
            throw NotFoundException.of("authentication implementation", implementationId);
        }
        return lists.page(companyId, linked.withParameters(Map.of("implementation", implementationId)), query);
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        return lists.one(companyId, endpoints, id, includes);
    }
}
