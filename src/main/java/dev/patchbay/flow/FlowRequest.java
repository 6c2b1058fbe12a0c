package dev.patchbay.flow;

import dev.patchbay.web.CheckedBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of a process flow's create and update. On create {@code name} is required, {@code enabled}
 * defaults to false and {@code steps} to none; on update an absent field keeps its value and a sent
 * {@code steps} replaces every step.
 */
@CheckedBody
record FlowRequest(
        @Size(max = 255, message = "must not be greater than 255 characters.") String name,
        Boolean enabled,
        List<@NotNull(message = "field must be an object.") @Valid StepInput> steps) {

    record StepInput(
            @NotNull(message = "field is required.") Long connectorId,
            @NotNull(message = "field is required.") Long endpointId) {}
}
