package dev.patchbay.builder.authentication;

import dev.patchbay.catalog.CatalogViews.AuthenticationImplementationView;
import dev.patchbay.openapi.ApiBody;
import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.QueryParser;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MessageBody;
import dev.patchbay.web.PageEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/authentication-implementations}. Its nested {@code /variables} and {@code /endpoints}
 * routes live with the variables and endpoints.
 */
@RestController
@RequestMapping("/api/v1/authentication-implementations")
@ApiResource(view = AuthenticationImplementationView.class, query = ImplementationResource.class)
class ImplementationController {

    private final ImplementationService service;
    private final ImplementationQueries queries;

    ImplementationController(ImplementationService service, ImplementationQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), ImplementationResource.QUERY);
        Page page = queries.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{implementation}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("implementation") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), ImplementationResource.QUERY);
        return DataEnvelope.of(queries.get(company.id(), id, includes));
    }

    @PostMapping
    @ApiBody(ImplementationInput.class)
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody JsonNode body) {
        long id = service.create(company.id(), body);
        return DataEnvelope.of(queries.get(company.id(), id, IncludeTree.empty().with("variables")));
    }

    @PutMapping("/{implementation}")
    @ApiBody(ImplementationInput.class)
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("implementation") long id, @RequestBody JsonNode body) {
        service.update(company.id(), id, body);
        return DataEnvelope.of(queries.get(company.id(), id, IncludeTree.empty().with("variables")));
    }

    @DeleteMapping("/{implementation}")
    MessageBody delete(CurrentCompany company, @PathVariable("implementation") long id) {
        service.delete(company.id(), id);
        return new MessageBody("Authentication implementation deleted.");
    }
}
