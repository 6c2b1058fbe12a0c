package dev.patchbay.connector;

import dev.patchbay.web.CheckedBody;
import dev.patchbay.connector.VariableInputs.NewVariable;
import java.util.List;

/**
 * The contract's "Create Connector Instance" body: a connector made straight from a marketplace
 * definition's authentication method, with {@code variable_templates} carrying the values and flags.
 * Its fields are checked by the same rules as a connector's.
 */
@CheckedBody
record CreateConnectorInstanceRequest(
        String name, Long authenticationImplementationTemplateId, String timezone, String dateFormat, String rateLimitUnit,
        Integer rateLimitDuration, Long connectionPoolId, List<NewVariable> variableTemplates) {

    CreateConnectorRequest asConnector(Long authenticationImplementationId) {
        return new CreateConnectorRequest(name, authenticationImplementationId, timezone, dateFormat, rateLimitUnit,
                rateLimitDuration, connectionPoolId, variableTemplates, null, null, null);
    }
}
