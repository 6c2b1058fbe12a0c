package dev.patchbay.variable;

import jakarta.validation.constraints.Size;

/** A variable's {@code pivot} as a request sends it, on every route that takes variables; a null flag was not sent. */
public record PivotInput(
        @Size(max = 255, message = "must not be greater than 255 characters.") String alias,
        Boolean configurable,
        Boolean required,
        Boolean advanced) {}
