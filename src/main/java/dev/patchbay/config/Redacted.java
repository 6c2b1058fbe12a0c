package dev.patchbay.config;

/**
 * How a record holding a clear secret prints it in {@code toString()}: whether there is a value, never
 * the value, so that a record that ends up in a log line or an exception message gives nothing away.
 */
public final class Redacted {

    public static final String MARK = "[redacted]";

    private Redacted() {}

    public static String of(Object secret) {
        return secret == null ? "null" : MARK;
    }
}
