package dev.patchbay.pool;

import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/** Everything wrong with a pool body, in one 422; the valid result merged over the current pool on update. */
@Component
class PoolValidator {

    private final Validator beanValidator;

    PoolValidator(Validator beanValidator) {
        this.beanValidator = beanValidator;
    }

    /** @param current the pool being updated, or null on create (then name and limit are required) */
    PoolSettings validate(PoolRequest request, PoolSettings current) {
        FieldErrors errors = Violations.of(beanValidator, request);
        boolean creating = current == null;
        if (request.getName() != null ? request.getName().isBlank() : creating) {
            errors.addAbout("name", "field is required.");
        }
        if (creating && request.getLimit() == null) {
            errors.addAbout("limit", "field is required.");
        }
        errors.throwIfAny();
        if (creating) {
            return new PoolSettings(request.getName().trim(), request.getLimit(), request.getTimeout());
        }
        return new PoolSettings(
                request.getName() != null ? request.getName().trim() : current.name(),
                request.getLimit() != null ? request.getLimit() : current.limit(),
                request.timeoutSent() ? request.getTimeout() : current.timeout());
    }
}
