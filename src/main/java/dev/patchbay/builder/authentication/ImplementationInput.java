package dev.patchbay.builder.authentication;

import dev.patchbay.web.CheckedBody;
import dev.patchbay.builder.variable.VariableInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An authentication implementation's writable fields. {@code settings} and {@code test_request} are
 * JSON objects checked by {@link ImplementationValidator}; {@code variables} (create only) are its
 * first variable templates, so that the settings can name them.
 */
@CheckedBody
record ImplementationInput(
        @NotNull(message = "field is required.") Long systemId,
        @NotNull(message = "field is required.") Long authenticationTypeId,
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String name,
        JsonNode settings,
        JsonNode testRequest,
        List<@NotNull(message = "field must be an object.") @Valid VariableInput> variables) {}
