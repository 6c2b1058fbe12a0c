package dev.patchbay.auth;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password that BCrypt can hash: at most 72 bytes in UTF-8 (BCrypt reads no further, and the
 * encoder refuses longer input rather than ignore the rest). Counted in bytes, not characters: 72
 * characters of "é" are 144 bytes.
 */
@Documented
@Constraint(validatedBy = FitsBcrypt.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface FitsBcrypt {

    int MAX_BYTES = 72;

    String message() default "must not be greater than 72 bytes (UTF-8); longer passwords cannot be stored.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<FitsBcrypt, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
