package dev.patchbay.secret;

/**
 * A stored secret that the configured keys cannot open: it was encrypted under a key that is no longer in
 * the ring, it was copied from another record, or it was altered. The message names where the value is
 * stored and which key it names, never the value.
 */
public class SecretUnreadableException extends IllegalStateException {

    private final transient RowBinding binding;

    SecretUnreadableException(RowBinding binding, String why) {
        super("The stored secret " + binding.describe() + " cannot be decrypted: " + why);
        this.binding = binding;
    }

    public RowBinding binding() {
        return binding;
    }
}
