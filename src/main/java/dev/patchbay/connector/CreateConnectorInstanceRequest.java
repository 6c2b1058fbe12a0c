package dev.patchbay.connector;

import dev.patchbay.web.CheckedBody;
import dev.patchbay.connector.VariableInputs.NewVariable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The contract's "Create Connector Instance" body: a connector made straight from a marketplace
 * definition's authentication method, with {@code variable_templates} carrying the values and flags.
 * Its fields are checked by the same rules as a connector's (which is why their requiredness is
 * stated for the documentation here rather than by constraints).
 */
@CheckedBody
record CreateConnectorInstanceRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long authenticationImplementationTemplateId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String timezone,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String dateFormat,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"second", "minute", "hour", "day"})
                String rateLimitUnit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer rateLimitDuration,
        Long connectionPoolId,
        List<NewVariable> variableTemplates) {

    /** What the answer shows beside the connector's fields: the template it came from, and its variables. */
    @Schema(name = "ConnectorInstanceFields")
    record Created(long authenticationImplementationTemplateId, List<dev.patchbay.variable.VariableView> variableTemplates) {}

    CreateConnectorRequest asConnector(Long authenticationImplementationId) {
        return new CreateConnectorRequest(name, authenticationImplementationId, timezone, dateFormat, rateLimitUnit,
                rateLimitDuration, connectionPoolId, variableTemplates, null, null, null);
    }
}
