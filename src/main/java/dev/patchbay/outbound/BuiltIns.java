package dev.patchbay.outbound;

import dev.patchbay.outbound.guard.SandboxTarget;
import dev.patchbay.outbound.render.BuiltInPlaceholders;
import dev.patchbay.outbound.render.Templates;
import dev.patchbay.time.DateExpressionException;
import dev.patchbay.time.PhpDateFormat;
import dev.patchbay.time.TemplateDates;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The values of the built-in placeholders for one call: {@code {{now - 1 day}}} in the instance's
 * time zone and date format (DESIGN §4), the service's own URL, and what the authentication provided.
 */
@Component
class BuiltIns {

    private final Environment environment;
    private final TemplateDates dates;

    BuiltIns(Environment environment, TemplateDates dates) {
        this.environment = environment;
        this.dates = dates;
    }

    Optional<String> value(String name, Instance instance, Map<String, String> provided) {
        String trimmed = name.trim();
        if (provided.containsKey(trimmed)) {
            return Optional.of(provided.get(trimmed));
        }
        if (trimmed.equals(BuiltInPlaceholders.PATCHBAY_URL)) {
            return Optional.of("http://localhost:" + environment.getProperty("local.server.port", "8080"));
        }
        if (TemplateDates.isDateExpression(trimmed)) {
            try {
                return Optional.of(dates.render(trimmed, instance.zone(), PhpDateFormat.compile(instance.dateFormat())));
            } catch (DateExpressionException | IllegalArgumentException e) {
                throw new Templates.TemplateException(e.getMessage());
            }
        }
        return Optional.empty();
    }
}
