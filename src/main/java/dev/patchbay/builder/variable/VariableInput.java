package dev.patchbay.builder.variable;

import dev.patchbay.config.Redacted;
import dev.patchbay.variable.PivotInput;
import dev.patchbay.variable.SentVariable;
import dev.patchbay.web.CheckedBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A variable template as a client sends it: the same shape and rules as a connector's variables
 * ({@code key} and {@code label} required, {@code value} at most 1024 characters). The owner fields
 * are read by {@code POST /api/v1/variables} only; nested routes take the owner from the path.
 */
@CheckedBody
public record VariableInput(
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String key,
        @Size(max = 1024, message = "must not be greater than 1024 characters.") String value,
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String label,
        Boolean secret,
        Boolean locked,
        @Valid PivotInput pivot,
        Long authenticationImplementationId,
        Long endpointId) {

    /** This body as the shared variable rules read it. */
    public SentVariable sent() {
        return SentVariable.of(key, value, label, secret, locked, pivot);
    }

    /** The value may be a secret: never printed. */
    @Override
    public String toString() {
        return "VariableInput[key=" + key + ", value=" + Redacted.of(value) + ", label=" + label + ", secret=" + secret + "]";
    }
}
