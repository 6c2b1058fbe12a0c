package dev.patchbay.connector;

import dev.patchbay.connector.VariableInputs.NewVariable;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableRules;
import dev.patchbay.web.FieldErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new connector's variables: the given ones, with flags defaulting to their template's, followed by
 * any template the request left out (with the template's default value). The rules of each variable
 * are {@link VariableRules#created}; here, the set: no key twice, and every required variable ends up
 * with a value.
 */
final class TemplateMerge {

    private TemplateMerge() {}

    static List<VariableData> merge(List<VariableData> templates, List<NewVariable> inputs, CreateTerms terms,
            FieldErrors errors) {
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
            String path = terms.variable(i);
            if (!seen.add(input.key())) {
                errors.addAbout(path + "key", "field has a duplicate value.");
                continue;
            }
            VariableData variable = VariableRules.created(input.sent(), templateByKey.get(input.key()), path, errors);
            VariableRules.requireValue(variable, path, errors);
            merged.add(variable);
        }
        for (VariableData template : templates) {
            if (!seen.contains(template.key())) {
                requireDefault(template, terms.variables(), errors);
                merged.add(template.withId(null));
            }
        }
        return merged;
    }

    /** A required template the request left out needs a default value. */
    private static void requireDefault(VariableData template, String variables, FieldErrors errors) {
        if (template.required() && VariableRules.isBlank(template.value())) {
            errors.add(variables, "The " + variables + " must include a value for `" + template.key() + "` (" + template.label()
                    + ").");
        }
    }
}
