package dev.patchbay.connector;

import dev.patchbay.config.Redacted;
import dev.patchbay.variable.PivotInput;
import dev.patchbay.variable.SentVariable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The variable shapes a connector request carries (the contract's {@code variables.*}). */
final class VariableInputs {

    private VariableInputs() {}

    /** On create: key and label required. */
    record NewVariable(
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String key,
            @Size(max = 1024, message = "must not be greater than 1024 characters.") String value,
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String label,
            Boolean secret,
            Boolean locked,
            @Valid PivotInput pivot) {

        SentVariable sent() {
            return SentVariable.of(key, value, label, secret, locked, pivot);
        }

        /** The value may be a secret (the flag may come later or not at all): never printed. */
        @Override
        public String toString() {
            return "NewVariable[key=" + key + ", value=" + Redacted.of(value) + ", label=" + label + ", secret=" + secret + "]";
        }
    }

    /** On update: the id says which variable; everything else is optional. */
    record ChangedVariable(
            @NotNull(message = "field is required.") Long id,
            @Size(min = 1, max = 255, message = "must be between 1 and 255 characters.") String key,
            @Size(max = 1024, message = "must not be greater than 1024 characters.") String value,
            @Size(min = 1, max = 255, message = "must be between 1 and 255 characters.") String label,
            Boolean secret,
            Boolean locked,
            @Valid PivotInput pivot) {

        SentVariable sent() {
            return SentVariable.of(key, value, label, secret, locked, pivot);
        }

        /** The value may be a new secret for a stored secret variable: never printed. */
        @Override
        public String toString() {
            return "ChangedVariable[id=" + id + ", key=" + key + ", value=" + Redacted.of(value) + ", label=" + label
                    + ", secret=" + secret + "]";
        }
    }
}
