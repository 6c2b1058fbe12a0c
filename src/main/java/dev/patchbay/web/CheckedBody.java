package dev.patchbay.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request body whose feature validator starts from {@link Violations#of}, so that a field of
 * the wrong JSON type is reported in the same 422 as every other problem of the body (an unknown id,
 * an invalid time zone), as Laravel reports them. A body without this mark has its type errors
 * reported at once, with its Bean Validation, when it is read: nothing can act on a half-read body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckedBody {}
