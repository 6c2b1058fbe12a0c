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
import java.util.List;
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

/** {@code /api/v1/endpoints}. Writes answer with the endpoint and its nested lists. */
@RestController
@RequestMapping("/api/v1/endpoints")
@ApiResource(view = EndpointView.class, query = EndpointResource.class)
class EndpointController {

    static final IncludeTree WRITTEN = IncludeTree.of(List.of("filters", "endpointSchema", "fieldTags"));

    private final EndpointService service;
    private final EndpointQueries queries;

    EndpointController(EndpointService service, EndpointQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), EndpointResource.QUERY);
        Page page = queries.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{endpoint}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("endpoint") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), EndpointResource.QUERY);
        return DataEnvelope.of(queries.get(company.id(), id, includes));
    }

    @PostMapping
    @ApiBody(EndpointInput.class)
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody JsonNode body) {
        long id = service.create(company.id(), body);
        return DataEnvelope.of(queries.get(company.id(), id, WRITTEN));
    }

    @PutMapping("/{endpoint}")
    @ApiBody(EndpointInput.class)
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("endpoint") long id, @RequestBody JsonNode body) {
        service.update(company.id(), id, body);
        return DataEnvelope.of(queries.get(company.id(), id, WRITTEN));
    }

    @DeleteMapping("/{endpoint}")
    MessageBody delete(CurrentCompany company, @PathVariable("endpoint") long id) {
        service.delete(company.id(), id);
        return new MessageBody("Endpoint deleted.");
    }
}
