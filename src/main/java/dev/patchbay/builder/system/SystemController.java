package dev.patchbay.builder.system;

import dev.patchbay.catalog.CatalogViews.SystemView;
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

/** {@code /api/v1/systems}: the company's installed or self-built connectors. */
@RestController
@RequestMapping("/api/v1/systems")
@ApiResource(view = SystemView.class, query = SystemResource.class)
class SystemController {

    private final SystemService service;
    private final SystemQueries queries;

    SystemController(SystemService service, SystemQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), SystemResource.QUERY);
        Page page = queries.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{system}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("system") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), SystemResource.QUERY);
        return DataEnvelope.of(queries.get(company.id(), id, includes));
    }

    @PostMapping
    @ApiBody(SystemInput.class)
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody JsonNode body) {
        long id = service.create(company.id(), body);
        return DataEnvelope.of(queries.get(company.id(), id, IncludeTree.empty().with("logo")));
    }

    @PutMapping("/{system}")
    @ApiBody(SystemInput.class)
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("system") long id, @RequestBody JsonNode body) {
        service.update(company.id(), id, body);
        return DataEnvelope.of(queries.get(company.id(), id, IncludeTree.empty().with("logo")));
    }

    @DeleteMapping("/{system}")
    MessageBody delete(CurrentCompany company, @PathVariable("system") long id) {
        service.delete(company.id(), id);
        return new MessageBody("System deleted.");
    }
}
