package dev.patchbay.builder.system;

import dev.patchbay.builder.Texts;
import dev.patchbay.time.PhpDateFormat;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Everything wrong with a system, in one 422: Bean Validation, then the field rules, then the database-backed ones. */
@Component
class SystemValidator {

    private static final Set<String> UNITS = Set.of("second", "minute", "hour", "day");

    private final Validator beanValidator;
    private final SystemRepository systems;

    SystemValidator(Validator beanValidator, SystemRepository systems) {
        this.beanValidator = beanValidator;
        this.systems = systems;
    }

    /** @param currentId the system being updated, or null on create */
    void validate(long companyId, SystemInput input, Long currentId) {
        FieldErrors errors = Violations.of(beanValidator, input);
        if (input.protocol() != null && !input.protocol().isBlank() && !"HTTP".equals(input.protocol())) {
            errors.addAbout("protocol", "field must be HTTP.");
        }
        if (input.defaultRateLimitUnit() != null && !input.defaultRateLimitUnit().isBlank()
                && !UNITS.contains(input.defaultRateLimitUnit())) {
            errors.addAbout("default_rate_limit_unit", "field must be one of second, minute, hour, day.");
        }
        if (input.defaultDateFormat() != null && !errors.has("default_date_format")) {
            PhpDateFormat.problem(input.defaultDateFormat())
                    .ifPresent(problem -> errors.addAbout("default_date_format", "field " + problem));
        }
        url(input.logo(), "logo", errors);
        url(input.helpLink(), "help_link", errors);
        if (input.systemTypeId() != null && !systems.systemTypeExists(input.systemTypeId())) {
            errors.add("system_type_id", "The selected system type id is invalid.");
        }
        if (input.canonicalKey() != null && !errors.has("canonical_key")
                && systems.canonicalKeyTaken(companyId, input.canonicalKey(), currentId)) {
            errors.add("canonical_key", "The canonical key has already been taken.");
        }
        errors.throwIfAny();
    }

    private static void url(String value, String field, FieldErrors errors) {
        if (value != null && !errors.has(field) && !Texts.isHttpUrl(value)) {
            errors.addAbout(field, "field must be a valid http or https URL.");
        }
    }
}
