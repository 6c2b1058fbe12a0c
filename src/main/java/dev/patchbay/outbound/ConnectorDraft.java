package dev.patchbay.outbound;

import dev.patchbay.variable.VariableData;
import java.util.List;

/**
 * A connector's credentials and settings as they would be saved, for the credential check that runs
 * before a create or an update is written. {@code connectorId} is null on create.
 */
public record ConnectorDraft(
        Long connectorId, String name, long authenticationImplementationId, String timezone, String dateFormat,
        Long certificateId, List<VariableData> variables) {

    @Override
    public String toString() {
        return "ConnectorDraft[connector=" + connectorId + ", implementation=" + authenticationImplementationId + "]";
    }
}
