package dev.patchbay.connector;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.patchbay.connector.VariableInputs.ChangedVariable;
import java.util.List;
import java.util.Optional;

/**
 * The contract's "Update Connector" body: every field optional except {@code variables}, whose
 * items each name their {@code id}. An absent field keeps its value. {@code connection_pool_id}
 * and {@code certificate_id} are Optional so that absent (null: keep) differs from an explicit JSON
 * null (empty: detach).
 */
record UpdateConnectorRequest(
        @Size(min = 1, max = 255, message = "must be between 1 and 255 characters.") String name,
        Long authenticationImplementationId,
        @Size(min = 1, max = 50, message = "must be between 1 and 50 characters.") String type,
        String timezone,
        @Size(min = 1, max = 100, message = "must be between 1 and 100 characters.") String dateFormat,
        String rateLimitUnit,
        @Min(value = 1, message = "field must be at least 1.") Integer rateLimitDuration,
        Optional<Long> connectionPoolId,
        @NotNull(message = "field is required.")
                List<@NotNull(message = "field must be an object.") @Valid ChangedVariable> variables,
        Optional<Long> certificateId) {}
