package dev.patchbay.connector;

import dev.patchbay.connector.VariableInputs.NewVariable;
import dev.patchbay.connector.VariableInputs.PivotInput;
import dev.patchbay.secret.SecretMask;
import dev.patchbay.variable.VariableData;
import dev.patchbay.web.FieldErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A new connector's variables: the given ones, with flags defaulting to their template's, followed by
 * any template the request left out (with the template's default value). A locked template's value
 * cannot be replaced, and every required variable must end up with a value.
 */
final class TemplateMerge {

    private TemplateMerge() {}

    static List<VariableData> merge(List<VariableData> templates, List<NewVariable> inputs, FieldErrors errors) {
        Map<String, VariableData> templateByKey = new LinkedHashMap<>();
        templates.forEach(template -> templateByKey.put(template.key(), template));
        List<VariableData> merged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<NewVariable> given = inputs == null ? List.of() : inputs;
        for (int i = 0; i < given.size(); i++) {
            NewVariable input = given.get(i);
            if (input == null || input.key() == null || input.label() == null) {
                continue; // already reported by Bean Validation
            }
            String path = "variables." + i;
            if (!seen.add(input.key())) {
                errors.addAbout(path + ".key", "field has a duplicate value.");
                continue;
            }
            VariableData variable = fromInput(input, templateByKey.get(input.key()), path, errors);
            if (variable.required() && isBlank(variable.value())) {
                errors.add(path + ".value", "The " + variable.label() + " value is required.");
            }
            merged.add(variable);
        }
        for (VariableData template : templates) {
            if (seen.contains(template.key())) {
                continue;
            }
            if (template.required() && isBlank(template.value())) {
                errors.add("variables", "The variables must include a value for `" + template.key() + "` ("
                        + template.label() + ").");
            }
            merged.add(template.withId(null));
        }
        return merged;
    }

    private static VariableData fromInput(NewVariable input, VariableData template, String path, FieldErrors errors) {
        PivotInput pivot = input.pivot() != null ? input.pivot() : new PivotInput(null, null, null, null);
        String value = input.value();
        if (template != null && template.locked()) {
            if (value != null && !SecretMask.meansKeep(value) && !Objects.equals(value, template.value())) {
                errors.add(path + ".value", "The " + path + ".value is locked and cannot be changed.");
            }
            value = template.value();
        } else if (SecretMask.meansKeep(value)) {
            // The mask can only mean "keep" where something is kept: the template's default.
            value = template != null ? template.value() : null;
        }
        return new VariableData(null, input.key(), value, input.label(),
                orDefault(input.secret(), template != null && template.secret()),
                template != null && template.locked() || orDefault(input.locked(), false),
                pivot.alias() != null ? pivot.alias() : template != null ? template.alias() : null,
                orDefault(pivot.configurable(), template == null || template.configurable()),
                orDefault(pivot.required(), template != null && template.required()),
                orDefault(pivot.advanced(), template != null && template.advanced()));
    }

    private static boolean orDefault(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
