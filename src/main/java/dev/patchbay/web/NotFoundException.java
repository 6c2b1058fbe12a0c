package dev.patchbay.web;

/**
 * A record that does not exist or belongs to another company; the two are indistinguishable to the
 * caller on purpose.
 */
public class NotFoundException extends RuntimeException {

    private NotFoundException(String message) {
        super(message, null, false, false);
    }

    public static NotFoundException of(String resource, Object id) {
        return new NotFoundException("No query results for " + resource + " " + id + ".");
    }
}
