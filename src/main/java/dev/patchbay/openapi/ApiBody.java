package dev.patchbay.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documented JSON body of a route that reads its body as a tree or through a setter class
 * (to tell an absent field from an explicit null, or to report every wrongly typed field at once),
 * so that its signature does not show the shape a client sends.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiBody {

    /** A record with the body's fields and their validation constraints. */
    Class<?> value();

    /** Whether a body is required; {@code false} where an empty body has a meaning. */
    boolean required() default true;
}
