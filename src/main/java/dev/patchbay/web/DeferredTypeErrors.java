package dev.patchbay.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The type errors of the current request's body, from the moment it is read until its validator
 * runs. Kept with the request (a request carries one body), so the services between the controller
 * and the validator keep their signatures.
 */
final class DeferredTypeErrors {

    private static final String ATTRIBUTE = DeferredTypeErrors.class.getName();

    private DeferredTypeErrors() {}

    /** Keeps {@code errors} for the validator; outside a request there is nobody to keep them for, so they are thrown. */
    static void keep(FieldErrors errors) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            throw errors.toException();
        }
        request.setAttribute(ATTRIBUTE, errors, RequestAttributes.SCOPE_REQUEST);
    }

    /** A copy of the kept errors, to add the validator's own to; empty when the body had none. */
    static FieldErrors start() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object kept = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return kept instanceof FieldErrors errors ? errors.copy() : new FieldErrors();
    }
}
