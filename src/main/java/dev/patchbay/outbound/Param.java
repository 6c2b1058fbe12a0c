package dev.patchbay.outbound;

/** A header, query or form parameter; {@code sensitive} when a secret went into its value. */
public record Param(String name, String value, boolean sensitive) {

    public static Param plain(String name, String value) {
        return new Param(name, value, false);
    }

    @Override
    public String toString() {
        return name + "=" + (sensitive ? Redaction.MASK : value);
    }
}
