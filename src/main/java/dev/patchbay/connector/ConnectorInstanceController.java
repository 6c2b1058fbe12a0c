package dev.patchbay.connector;

import dev.patchbay.openapi.ApiBody;
import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The contract's "Create Connector Instance". */
@RestController
class ConnectorInstanceController {

    private final ConnectorInstanceService service;
    private final ConnectorQueries queries;

    ConnectorInstanceController(ConnectorInstanceService service, ConnectorQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    /** Answers with the connector, its template id and its variables as {@code variable_templates} (secrets masked). */
    @PostMapping("/api/v1/connector-instances")
    @ApiBody(CreateConnectorInstanceRequest.class)
    @ApiResource(view = ConnectorView.class, adds = CreateConnectorInstanceRequest.Created.class, name = "ConnectorInstance")
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody CreateConnectorInstanceRequest request) {
        long id = service.create(company.id(), request);
        Node connector = queries.get(company.id(), id, IncludeTree.empty().with("variables"));
        Object variables = connector.getIncluded().remove("variables");
        return DataEnvelope.of(connector
                .put("authentication_implementation_template_id", request.authenticationImplementationTemplateId())
                .put("variable_templates", variables));
    }
}
