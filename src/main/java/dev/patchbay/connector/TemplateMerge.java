package dev.patchbay.connector;

import dev.patchbay.connector.VariableInputs.ChangedVariable;
import dev.patchbay.connector.VariableInputs.NewVariable;
import dev.patchbay.secret.SecretMask;
import dev.patchbay.variable.SentVariable;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableRules;
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
 * any template the request left out (with the template's default value). The rules of each variable
 * are {@link VariableRules#created}; here, the set: no key twice, and every required variable ends up
 * with a value.
 */
final class TemplateMerge {

    /**
     * One of a connector's variables after an update's changes, with the change the request sent for
     * it and that change's prefix ({@code variables.3.}); both null when the request left it alone.
     */
    record Current(VariableData variable, ChangedVariable sent, String path) {}

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

    /**
     * A connector's variables when it moves to another authentication implementation (of its own
     * system): the new implementation's templates, in their order, each made as on create
     * ({@link VariableRules#created}) from the connector's variable of the same key where there is
     * one. Its value is kept (a locked template's own value wins, and a different one sent now is
     * refused), the label and flags this request sent for it count and the template's apply
     * otherwise, and a kept secret stays secret, so that no stored secret turns readable because the
     * template changed. Variables whose key the new implementation does not know are dropped; a
     * required template that ends up without a value is refused as on create.
     */
    static List<VariableData> remerge(List<VariableData> templates, List<Current> current, FieldErrors errors) {
        Map<String, Current> byKey = new LinkedHashMap<>();
        current.forEach(variable -> byKey.putIfAbsent(variable.variable().key(), variable));
        List<VariableData> merged = new ArrayList<>();
        for (VariableData template : templates) {
            Current kept = byKey.get(template.key());
            if (kept == null) {
                requireDefault(template, CreateTerms.CONNECTOR.variables(), errors);
                merged.add(template.withId(null));
                continue;
            }
            VariableData variable = VariableRules.created(keeping(kept, template),
                    template, Objects.requireNonNullElse(kept.path(), ""), errors).withId(kept.variable().id());
            if (kept.path() != null) {
                VariableRules.requireValue(variable, kept.path(), errors);
            } else {
                requireDefault(variable, CreateTerms.CONNECTOR.variables(), errors);
            }
            merged.add(variable);
        }
        return merged;
    }

    /** What a kept variable brings to its new template: its value, and what this request sent for it. */
    private static SentVariable keeping(Current kept, VariableData template) {
        VariableData variable = kept.variable();
        SentVariable sent = kept.sent() != null ? kept.sent().sent()
                : new SentVariable(null, null, null, null, null, null, null, null, null);
        boolean valueSent = sent.value() != null && !SecretMask.meansKeep(sent.value());
        return new SentVariable(template.key(), valueSent || !template.locked() ? variable.value() : null,
                sent.label() != null ? sent.label() : template.label(),
                variable.secret() ? Boolean.TRUE : sent.secret(),
                sent.locked(), sent.alias(), sent.configurable(), sent.required(), sent.advanced());
    }

    /** A required variable that no item of the request gave a value (a template's default, a kept one) needs one. */
    private static void requireDefault(VariableData variable, String variables, FieldErrors errors) {
        if (variable.required() && VariableRules.isBlank(variable.value())) {
            errors.add(variables, "The " + variables + " must include a value for `" + variable.key() + "` (" + variable.label()
                    + ").");
        }
    }
}
