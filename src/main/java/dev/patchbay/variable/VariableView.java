package dev.patchbay.variable;

import dev.patchbay.config.Redacted;

/**
 * A variable as the API shows it. A secret's value is always the mask (or null when empty); the
 * clear value never leaves {@link VariableStore}.
 */
public record VariableView(long id, String key, String value, String label, boolean secret, boolean locked, Pivot pivot) {

    public record Pivot(String alias, boolean configurable, boolean required, boolean advanced) {}

    @Override
    public String toString() {
        return "VariableView[id=" + id + ", key=" + key + ", value=" + (secret ? Redacted.of(value) : value) + ", label=" + label
                + ", secret=" + secret + ", locked=" + locked + ", pivot=" + pivot + "]";
    }
}
