package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.connector.VariableInputs.NewVariable;
import dev.patchbay.query.Node;
import dev.patchbay.query.Page;
import dev.patchbay.query.QueryParser;
import dev.patchbay.variable.VariableData;
import dev.patchbay.web.JsonBody;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The connector feature's public face for other features: the first-start demo's instance, and the
 * dashboard, which reads and writes connectors with the API's query language and JSON bodies so that
 * every rule (validation, credential check, refusal while used) is the API's own.
 */
@Component
public class Connectors {

    private final ConnectorService service;
    private final ConnectorQueries queries;
    private final CatalogLookup catalog;
    private final JsonBody bodies;

    Connectors(ConnectorService service, ConnectorQueries queries, CatalogLookup catalog, JsonBody bodies) {
        this.service = service;
        this.queries = queries;
        this.catalog = catalog;
        this.bodies = bodies;
    }

    /**
     * Creates a connector through the same rules as the API (the credential check included);
     * {@code values} fill the authentication implementation's variable templates by key, keeping
     * their labels and flags, and a template without a given value keeps its default.
     */
    public long create(long companyId, String name, long authenticationImplementationId, String timezone, String dateFormat,
            String rateLimitUnit, int rateLimitDuration, Map<String, String> values) {
        var variables = catalog.variableTemplates(companyId, authenticationImplementationId).stream()
                .map(template -> newVariable(template, values.getOrDefault(template.key(), template.value())))
                .toList();
        return service.create(companyId, new CreateConnectorRequest(name, authenticationImplementationId, timezone, dateFormat,
                rateLimitUnit, rateLimitDuration, null, variables, null, null, null));
    }

    /** {@code GET /connectors} with these query parameters ({@code include}, {@code filter[...]}, {@code sort}, {@code page}). */
    public Page list(long companyId, Map<String, String[]> query) {
        return queries.list(companyId, QueryParser.parse(query, ConnectorResource.QUERY));
    }

    /** {@code GET /connectors/{id}?include=...}; a connector of another company is not found. */
    public Node get(long companyId, long id, List<String> includes) {
        return queries.get(companyId, id, QueryParser.parseIncludes(Map.of("include", new String[] {String.join(",", includes)}),
                ConnectorResource.QUERY));
    }

    /** {@code POST /connectors} with this body. */
    public long create(long companyId, JsonNode body) {
        return service.create(companyId, bodies.read(body, CreateConnectorRequest.class));
    }

    /** {@code PUT /connectors/{id}} with this body. */
    public void update(long companyId, long id, JsonNode body) {
        service.update(companyId, id, bodies.read(body, UpdateConnectorRequest.class));
    }

    /** {@code DELETE /connectors/{id}}: refused while a process flow uses the connector. */
    public void delete(long companyId, long id) {
        service.delete(companyId, id);
    }

    private static NewVariable newVariable(VariableData template, String value) {
        return new NewVariable(template.key(), value, template.label(), null, null, null);
    }

}
