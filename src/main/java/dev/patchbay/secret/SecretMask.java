package dev.patchbay.secret;

/**
 * How secrets look from outside: a fixed mask on output, and "the mask means keep what is stored"
 * on input. Pure functions, so the rules can be read and tested in one place.
 */
public final class SecretMask {

    public static final String MASK = "********";

    private SecretMask() {}

    /** What a response shows for a secret: the mask when something is stored, otherwise null. */
    public static String forOutput(String storedValue) {
        return storedValue == null || storedValue.isEmpty() ? storedValue : MASK;
    }

    /** True when an incoming value is the mask sent back unchanged, i.e. "keep the stored value". */
    public static boolean meansKeep(String incomingValue) {
        return MASK.equals(incomingValue);
    }
}
