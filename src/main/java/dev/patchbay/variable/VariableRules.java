package dev.patchbay.variable;

import dev.patchbay.secret.SecretMask;
import dev.patchbay.web.FieldErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of one variable beyond Bean Validation, for every route that writes variables (variable
 * templates of the connector builder, a connector's own variables): the secret mask only ever means
 * "keep what is stored", a locked value is fixed for good, and a secret never turns readable
 * without a new value. Pure functions; a route decides which variables they apply to and how its
 * set of keys must look.
 *
 * <p>Errors go under {@code <path>field}, where {@code path} is the item's prefix with its dot
 * ({@code variables.0.}) or empty for a body that is one variable; messages name the field the same
 * way ("The variables.0.value is locked ...", "The value is locked ...").
 */
public final class VariableRules {

    private VariableRules() {}

    /**
     * A new variable from what was sent, laid over its template where there is one (a connector's
     * variable) or alone (a new template): flags not sent take the template's (or the defaults:
     * configurable, nothing else), a locked template's value cannot be replaced, and the mask keeps
     * the template's default, there being nothing else stored to keep.
     */
    public static VariableData created(SentVariable sent, VariableData template, String path, FieldErrors errors) {
        String value = sent.value();
        if (template != null && template.locked()) {
            if (value != null && !SecretMask.meansKeep(value) && !Objects.equals(value, template.value())) {
                errors.add(path + "value", "The " + path + "value is locked and cannot be changed.");
            }
            value = template.value();
        } else if (SecretMask.meansKeep(value)) {
            if (template == null) {
                errors.add(path + "value", "The " + path + "value is the secret mask, but there is no stored value to keep.");
            }
            value = template != null ? template.value() : null;
        }
        return new VariableData(null, sent.key(), value, sent.label(),
                orDefault(sent.secret(), template != null && template.secret()),
                template != null && template.locked() || orDefault(sent.locked(), false),
                sent.alias() != null ? sent.alias() : template != null ? template.alias() : null,
                orDefault(sent.configurable(), template == null || template.configurable()),
                orDefault(sent.required(), template != null && template.required()),
                orDefault(sent.advanced(), template != null && template.advanced()));
    }

    /**
     * New templates for an owner that already has {@code existingKeys}: each {@link #created alone},
     * and no key twice ("has already been taken", the owner's keys being unique in the database too).
     * A null item is skipped (Bean Validation reports it).
     */
    public static List<VariableData> newTemplates(List<SentVariable> sent, Collection<String> existingKeys, String prefix,
            FieldErrors errors) {
        Set<String> keys = new HashSet<>(existingKeys);
        List<VariableData> templates = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            SentVariable input = sent.get(i);
            if (input == null) {
                continue;
            }
            String path = prefix.isEmpty() ? "" : prefix + i + ".";
            if (input.key() != null && !input.key().isBlank() && !keys.add(input.key())) {
                errors.addAbout(path + "key", "field has already been taken.");
            }
            templates.add(created(input, null, path, errors));
        }
        return templates;
    }

    /**
     * A stored variable changed by {@code sent}, which carries every field (see
     * {@link SentVariable#over}): the mask keeps the stored secret, a locked variable keeps its key,
     * value and lock, a secret turns plain only with a new value (or the stored one would show in
     * clear), and pivot flags not sent keep theirs.
     */
    public static VariableData changed(VariableData was, SentVariable sent, String path, FieldErrors errors) {
        boolean keepValue = was.secret() && SecretMask.meansKeep(sent.value());
        String value = keepValue ? was.value() : sent.value();
        if (was.locked()) {
            if (!Objects.equals(sent.key(), was.key())) {
                errors.add(path + "key", "The " + path + "key is locked and cannot be changed.");
            }
            if (!Objects.equals(value, was.value())) {
                errors.add(path + "value", "The " + path + "value is locked and cannot be changed.");
            }
            if (!Boolean.TRUE.equals(sent.locked())) {
                errors.add(path + "locked", "A locked variable cannot be unlocked.");
            }
        }
        boolean secret = sent.secret() != null ? sent.secret() : was.secret();
        if (was.secret() && !secret && keepValue) {
            errors.add(path + "secret", "A secret variable can only be made non-secret together with a new value.");
        }
        // A plain value that happens to equal the mask is kept as it is, like any unchanged value.
        if (!was.secret() && SecretMask.meansKeep(sent.value()) && !SecretMask.meansKeep(was.value())) {
            errors.add(path + "value", "The " + path + "value is the secret mask, but this variable has no secret to keep.");
        }
        return new VariableData(was.id(), sent.key(), value, sent.label(), secret,
                was.locked() || Boolean.TRUE.equals(sent.locked()),
                sent.alias() != null ? sent.alias() : was.alias(),
                sent.configurable() != null ? sent.configurable() : was.configurable(),
                sent.required() != null ? sent.required() : was.required(),
                sent.advanced() != null ? sent.advanced() : was.advanced());
    }

    /** A required variable without a value, named by its label as the dashboard shows it. */
    public static void requireValue(VariableData variable, String path, FieldErrors errors) {
        if (variable.required() && isBlank(variable.value())) {
            errors.add(path + "value", "The " + variable.label() + " value is required.");
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean orDefault(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }
}
