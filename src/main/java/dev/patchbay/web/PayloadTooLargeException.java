package dev.patchbay.web;

import java.io.IOException;

/** A request body over the configured limit; an IOException so it can surface from a stream read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than the limit of " + (limitBytes / (1024 * 1024)) + " MB.");
    }
}
