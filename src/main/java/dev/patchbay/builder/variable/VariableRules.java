package dev.patchbay.builder.variable;

import dev.patchbay.builder.variable.VariableInput.PivotInput;
import dev.patchbay.secret.SecretMask;
import dev.patchbay.variable.VariableData;
import dev.patchbay.web.FieldErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The variable template rules beyond Bean Validation, as pure functions: keys unique within the
 * owner, the secret mask only ever meaning "keep what is stored", and a locked template's key and
 * value fixed for good.
 */
public final class VariableRules {

    private VariableRules() {}

    /**
     * New templates for an owner that already has {@code existingKeys}; errors go under
     * {@code <prefix>N.field} ({@code variables.0.key}), or {@code field} when the prefix is empty and
     * there is one input.
     */
    public static List<VariableData> newTemplates(List<VariableInput> inputs, Collection<String> existingKeys, String prefix,
            FieldErrors errors) {
        Set<String> keys = new HashSet<>(existingKeys);
        List<VariableData> templates = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            VariableInput input = inputs.get(i);
            if (input == null) {
                continue;
            }
            String path = prefix.isEmpty() ? "" : prefix + i + ".";
            if (input.key() != null && !input.key().isBlank() && !keys.add(input.key())) {
                errors.addAbout(path + "key", "field has already been taken.");
            }
            if (SecretMask.meansKeep(input.value())) {
                errors.add(path + "value", "The " + path + "value is the secret mask, but there is no stored value to keep.");
            }
            PivotInput pivot = input.pivot() != null ? input.pivot() : new PivotInput(null, null, null, null);
            templates.add(new VariableData(null, input.key(), input.value(), input.label(), Boolean.TRUE.equals(input.secret()),
                    Boolean.TRUE.equals(input.locked()), pivot.alias(), !Boolean.FALSE.equals(pivot.configurable()),
                    Boolean.TRUE.equals(pivot.required()), Boolean.TRUE.equals(pivot.advanced())));
        }
        return templates;
    }

    /**
     * A stored template changed by {@code input} (the stored values with the request's fields laid
     * over them). Absent pivot flags keep their value.
     */
    public static VariableData changed(VariableData was, VariableInput input, Collection<String> otherKeys, FieldErrors errors) {
        boolean keepValue = was.secret() && SecretMask.meansKeep(input.value());
        String value = keepValue ? was.value() : input.value();
        if (was.locked()) {
            if (!Objects.equals(input.key(), was.key())) {
                errors.add("key", "The key is locked and cannot be changed.");
            }
            if (!Objects.equals(value, was.value())) {
                errors.add("value", "The value is locked and cannot be changed.");
            }
            if (!Boolean.TRUE.equals(input.locked())) {
                errors.add("locked", "A locked variable cannot be unlocked.");
            }
        }
        boolean secret = input.secret() != null ? input.secret() : was.secret();
        if (was.secret() && !secret && keepValue) {
            errors.add("secret", "A secret variable can only be made non-secret together with a new value.");
        }
        if (!was.secret() && SecretMask.meansKeep(input.value()) && !SecretMask.meansKeep(was.value())) {
            errors.add("value", "The value is the secret mask, but this variable has no secret to keep.");
        }
        if (input.key() != null && otherKeys.contains(input.key())) {
            errors.addAbout("key", "field has already been taken.");
        }
        PivotInput pivot = input.pivot() != null ? input.pivot() : new PivotInput(null, null, null, null);
        return new VariableData(was.id(), input.key(), value, input.label(), secret,
                was.locked() || Boolean.TRUE.equals(input.locked()),
                pivot.alias() != null ? pivot.alias() : was.alias(),
                pivot.configurable() != null ? pivot.configurable() : was.configurable(),
                pivot.required() != null ? pivot.required() : was.required(),
                pivot.advanced() != null ? pivot.advanced() : was.advanced());
    }
}
