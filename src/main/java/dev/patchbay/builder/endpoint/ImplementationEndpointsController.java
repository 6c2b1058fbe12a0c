package dev.patchbay.builder.endpoint;

import dev.patchbay.catalog.CatalogViews.EndpointView;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/authentication-implementations/{id}/endpoints}: the endpoints an implementation can
 * call. Linking answers 201 for a new link and 200 when it already existed.
 */
@RestController
@RequestMapping("/api/v1/authentication-implementations/{implementation}/endpoints")
@ApiResource(view = EndpointView.class, query = EndpointResource.class)
class ImplementationEndpointsController {

    private final EndpointService service;
    private final EndpointQueries queries;

    ImplementationEndpointsController(EndpointService service, EndpointQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, @PathVariable("implementation") long implementationId,
            HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), EndpointResource.QUERY);
        Page page = queries.linkedTo(company.id(), implementationId, query);
        return page.toEnvelope(query);
    }

    @PostMapping
    @ApiBody(EndpointService.LinkInput.class)
    ResponseEntity<DataEnvelope<Node>> link(CurrentCompany company, @PathVariable("implementation") long implementationId,
            @RequestBody JsonNode body) {
        EndpointService.LinkResult linked = service.link(company.id(), implementationId, body);
        return ResponseEntity.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DataEnvelope.of(queries.get(company.id(), linked.endpointId(), IncludeTree.empty())));
    }

    @DeleteMapping("/{endpoint}")
    MessageBody unlink(CurrentCompany company, @PathVariable("implementation") long implementationId,
            @PathVariable("endpoint") long endpointId) {
        service.unlink(company.id(), implementationId, endpointId);
        return new MessageBody("Endpoint unlinked.");
    }
}
