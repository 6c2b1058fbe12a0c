package dev.patchbay.web;

/** A query parameter that is not allowed (unknown include, filter, sort, or a bad page size): 400. */
public class BadQueryException extends RuntimeException {

    public BadQueryException(String message) {
        super(message, null, false, false);
    }
}
