package dev.patchbay.outbound;

import dev.patchbay.outbound.render.BuiltInPlaceholders;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The values of the built-in placeholders for one call: dates in the instance's zone and format, the service's URL. */
@Component
class BuiltIns {

    private final Environment environment;

    BuiltIns(Environment environment) {
        this.environment = environment;
    }

    Optional<String> value(String name, Instance instance, Map<String, String> provided) {
        String trimmed = name.trim();
        if (provided.containsKey(trimmed)) {
            return Optional.of(provided.get(trimmed));
        }
        if (trimmed.equals(BuiltInPlaceholders.PATCHBAY_URL)) {
            return Optional.of("http://localhost:" + environment.getProperty("local.server.port", "8080"));
        }
        return Optional.empty();
    }
}
