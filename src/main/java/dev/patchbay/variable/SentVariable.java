package dev.patchbay.variable;

import dev.patchbay.config.Redacted;
import dev.patchbay.secret.SecretMask;

/**
 * One variable as a request sent it, whatever the route's body calls it (a connector's
 * {@code variables.*}, a template's body, a connector instance's {@code variable_templates.*}); a
 * null field was not sent. The input of {@link VariableRules}.
 */
public record SentVariable(
        String key, String value, String label, Boolean secret, Boolean locked, String alias, Boolean configurable,
        Boolean required, Boolean advanced) {

    /** The fields of a request's variable, with its optional {@code pivot}. */
    public static SentVariable of(String key, String value, String label, Boolean secret, Boolean locked, PivotInput pivot) {
        PivotInput flags = pivot != null ? pivot : new PivotInput(null, null, null, null);
        return new SentVariable(key, value, label, secret, locked, flags.alias(), flags.configurable(), flags.required(),
                flags.advanced());
    }

    /**
     * The stored variable with the sent fields laid over it: what a {@code PUT} that leaves fields out
     * means. An unsent value stands as the stored secret's mask (or the stored plain value), exactly
     * what a client that read the variable and sent it back would send.
     */
    public SentVariable over(VariableData was) {
        return new SentVariable(
                key != null ? key : was.key(),
                value != null ? value : was.secret() ? SecretMask.forOutput(was.value()) : was.value(),
                label != null ? label : was.label(),
                secret != null ? secret : was.secret(),
                locked != null ? locked : was.locked(),
                alias, configurable, required, advanced);
    }

    /** The value may be a secret (the flag may come later or not at all): never printed. */
    @Override
    public String toString() {
        return "SentVariable[key=" + key + ", value=" + Redacted.of(value) + ", label=" + label + ", secret=" + secret + "]";
    }
}
