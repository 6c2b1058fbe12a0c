package dev.patchbay.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    /**
     * The same for an object that stands for a body naming its fields otherwise (one record checked
     * for two routes): {@code fieldNames} turns the object's field path ({@code variables.0.key}) into
     * the body's. Only paths are renamed; a message is built once, from the body's name.
     */
    public static FieldErrors of(Validator validator, Object body, UnaryOperator<String> fieldNames) {
        return into(DeferredTypeErrors.start(), validator.validate(body), fieldNames);
    }

    public static FieldErrors into(FieldErrors errors, Set<? extends ConstraintViolation<?>> violations) {
        return into(errors, violations, UnaryOperator.identity());
    }

    private static FieldErrors into(FieldErrors errors, Set<? extends ConstraintViolation<?>> violations,
            UnaryOperator<String> fieldNames) {
        violations.stream()
                .map(v -> Map.entry(fieldNames.apply(BeanPaths.toApiPath(v.getPropertyPath().toString())), v.getMessage()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(v -> errors.addAbout(v.getKey(), v.getValue()));
        return errors;
    }
}
