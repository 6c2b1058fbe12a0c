package dev.patchbay.builder.reference;

import dev.patchbay.catalog.CatalogViews.AuthenticationTypeView;
import dev.patchbay.catalog.CatalogViews.SystemTypeView;
import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.Page;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.QueryParser;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.PageEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/system-types} and {@code /api/v1/authentication-types}: read-only reference data. */
@RestController
@RequestMapping("/api/v1")
class ReferenceController {

    private final ReferenceQueries queries;

    ReferenceController(ReferenceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/system-types")
    @ApiResource(view = SystemTypeView.class, query = ReferenceQueries.class, queryField = "SYSTEM_TYPES")
    PageEnvelope<Node> systemTypes(HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), ReferenceQueries.SYSTEM_TYPES);
        return page(queries.systemTypes(query), query);
    }

    @GetMapping("/system-types/{type}")
    @ApiResource(view = SystemTypeView.class)
    DataEnvelope<Node> systemType(@PathVariable("type") long id) {
        return DataEnvelope.of(queries.systemType(id));
    }

    @GetMapping("/authentication-types")
    @ApiResource(view = AuthenticationTypeView.class, query = ReferenceQueries.class, queryField = "AUTHENTICATION_TYPES")
    PageEnvelope<Node> authenticationTypes(HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), ReferenceQueries.AUTHENTICATION_TYPES);
        return page(queries.authenticationTypes(query), query);
    }

    @GetMapping("/authentication-types/{type}")
    @ApiResource(view = AuthenticationTypeView.class)
    DataEnvelope<Node> authenticationType(@PathVariable("type") long id) {
        return DataEnvelope.of(queries.authenticationType(id));
    }

    private static PageEnvelope<Node> page(Page page, QueryParams query) {
        return page.toEnvelope(query);
    }
}
