package dev.patchbay.connector;

import dev.patchbay.web.CheckedBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.patchbay.connector.VariableInputs.NewVariable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The contract's "Create Connector" body. Unknown fields are ignored. */
@CheckedBody
record CreateConnectorRequest(
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String name,
        @NotNull(message = "field is required.") Long authenticationImplementationId,
        @NotBlank(message = "field is required.") String timezone,
        @NotBlank(message = "field is required.") @Size(max = 100, message = "must not be greater than 100 characters.")
                String dateFormat,
        @NotBlank(message = "field is required.") @Schema(allowableValues = {"second", "minute", "hour", "day"}) String rateLimitUnit,
        @NotNull(message = "field is required.") @Min(value = 1, message = "field must be at least 1.")
                Integer rateLimitDuration,
        Long connectionPoolId,
        List<@NotNull(message = "field must be an object.") @Valid NewVariable> variables,
        @Size(max = 255, message = "must not be greater than 255 characters.") String sessionId,
        @Size(max = 255, message = "must not be greater than 255 characters.") String platformAppKey,
        Long certificateId) {}
