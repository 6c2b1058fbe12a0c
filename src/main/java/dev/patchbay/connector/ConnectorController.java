package dev.patchbay.connector;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract's {@code /api/v1/connectors}. Writes answer with the connector and its variables. */
@RestController
@RequestMapping("/api/v1/connectors")
@ApiResource(view = ConnectorView.class, query = ConnectorResource.class)
class ConnectorController {

    private final ConnectorService service;
    private final ConnectorQueries queries;

    ConnectorController(ConnectorService service, ConnectorQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), ConnectorResource.QUERY);
        Page page = queries.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{connector}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("connector") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), ConnectorResource.QUERY);
        return DataEnvelope.of(queries.get(company.id(), id, includes));
    }

    @PostMapping
    @ApiBody(CreateConnectorRequest.class)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody CreateConnectorRequest request) {
        long id = service.create(company.id(), request);
        return DataEnvelope.of(queries.get(company.id(), id, IncludeTree.empty().with("variables")));
    }

    @PutMapping("/{connector}")
    @ApiBody(UpdateConnectorRequest.Documented.class)
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("connector") long id,
            @RequestBody UpdateConnectorRequest request) {
        service.update(company.id(), id, request);
        return DataEnvelope.of(queries.get(company.id(), id, IncludeTree.empty().with("variables")));
    }

    @DeleteMapping("/{connector}")
    MessageBody delete(CurrentCompany company, @PathVariable("connector") long id) {
        service.delete(company.id(), id);
        return new MessageBody("Connector deleted.");
    }
}
