package dev.patchbay.web;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.Set;

/** Adds Bean Validation results to a {@link FieldErrors}, so they join the cross-field checks in one 422. */
public final class Violations {

    private Violations() {}

    public static FieldErrors into(FieldErrors errors, Set<? extends ConstraintViolation<?>> violations) {
        violations.stream()
                .sorted(Comparator.comparing(v -> BeanPaths.toApiPath(v.getPropertyPath().toString())))
                .forEach(v -> errors.addAbout(BeanPaths.toApiPath(v.getPropertyPath().toString()), v.getMessage()));
        return errors;
    }
}
