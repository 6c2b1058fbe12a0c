package dev.patchbay.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/** Adds Bean Validation results to a {@link FieldErrors}, so they join the cross-field checks in one 422. */
public final class Violations {

    private Violations() {}

    /**
     * Where a validator of a {@link CheckedBody} starts: the fields of the request's body that had the
     * wrong JSON type, then the Bean Validation of what was read.
     */
    public static FieldErrors of(Validator validator, Object body) {
        return into(DeferredTypeErrors.start(), validator.validate(body));
    }

    public static FieldErrors into(FieldErrors errors, Set<? extends ConstraintViolation<?>> violations) {
        violations.stream()
                .sorted(Comparator.comparing(v -> BeanPaths.toApiPath(v.getPropertyPath().toString())))
                .forEach(v -> errors.addAbout(BeanPaths.toApiPath(v.getPropertyPath().toString()), v.getMessage()));
        return errors;
    }
}
