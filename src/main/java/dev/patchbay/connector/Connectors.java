package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.connector.VariableInputs.NewVariable;
import dev.patchbay.variable.VariableData;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The connector feature's public face for other features: today, the first-start demo's instance. */
@Component
public class Connectors {

    private final ConnectorService service;
    private final CatalogLookup catalog;

    Connectors(ConnectorService service, CatalogLookup catalog) {
        this.service = service;
        this.catalog = catalog;
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

    private static NewVariable newVariable(VariableData template, String value) {
        return new NewVariable(template.key(), value, template.label(), null, null, null);
    }
}
