package dev.patchbay.variable;

import dev.patchbay.config.Redacted;

/** A variable's content in clear, as validated input or as read back for the write path's rules. */
public record VariableData(
        Long id, String key, String value, String label, boolean secret, boolean locked, String alias, boolean configurable,
        boolean required, boolean advanced) {

    public VariableData withId(Long newId) {
        return new VariableData(newId, key, value, label, secret, locked, alias, configurable, required, advanced);
    }

    public VariableData withValue(String newValue) {
        return new VariableData(id, key, newValue, label, secret, locked, alias, configurable, required, advanced);
    }

    /** A secret value is held in clear here: never printed. */
    @Override
    public String toString() {
        return "VariableData[id=" + id + ", key=" + key + ", value=" + (secret ? Redacted.of(value) : value) + ", label=" + label
                + ", secret=" + secret + ", locked=" + locked + "]";
    }
}
