package dev.patchbay.web;

/** Thrown by any feature's validator; rendered as the contract's 422 body. */
public class ValidationFailedException extends RuntimeException {

    private final transient FieldErrors errors;

    public ValidationFailedException(FieldErrors errors) {
        super("The given data was invalid.", null, false, false);
        this.errors = errors;
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(new FieldErrors().add(field, message));
    }

    public FieldErrors errors() {
        return errors;
    }
}
