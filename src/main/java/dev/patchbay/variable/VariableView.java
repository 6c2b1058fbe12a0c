package dev.patchbay.variable;

/**
 * A variable as the API shows it. A secret's value is always the mask (or null when empty); the
 * clear value never leaves {@link VariableStore}.
 */
public record VariableView(long id, String key, String value, String label, boolean secret, boolean locked, Pivot pivot) {

    public record Pivot(String alias, boolean configurable, boolean required, boolean advanced) {}
}
