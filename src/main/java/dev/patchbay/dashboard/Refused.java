package dev.patchbay.dashboard;

import dev.patchbay.web.ValidationFailedException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A removal the API refused (422): its sentence, and the records in the way, each with its id so the
 * page can link it. The API names them "Name (#12)" or "Name (#12, enabled)".
 */
record Refused(String message, List<Blocker> blockers) {

    record Blocker(String kind, long id, String label) {}

    private static final Pattern NAMED = Pattern.compile("^(.*) \\(#(\\d+)(?:, [a-z]+)?\\)$");

    static Refused of(ValidationFailedException e, String field) {
        Map<String, List<String>> errors = e.errors().toBody().errors();
        String message = errors.getOrDefault(field, List.of(e.errors().toBody().message())).get(0);
        List<Blocker> blockers = new java.util.ArrayList<>();
        for (String kind : List.of("connectors", "process_flows")) {
            for (String entry : errors.getOrDefault(kind, List.of())) {
                Matcher m = NAMED.matcher(entry);
                if (m.matches()) {
                    blockers.add(new Blocker(kind, Long.parseLong(m.group(2)), entry));
                }
            }
        }
        return new Refused(message, blockers);
    }
}
