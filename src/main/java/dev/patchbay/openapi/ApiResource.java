package dev.patchbay.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a controller's {@code Node} responses look like in the OpenAPI document, and which
 * {@link dev.patchbay.query.ResourceQuery} its routes parse. A {@code Node} is a view record plus
 * whatever was included, which the generator cannot see in a method signature; this annotation
 * says it once per controller (or per method, where a controller serves several resources).
 *
 * <p>The query parameters are read from the declaration itself ({@code include}, every
 * {@code filter[...]}, {@code sort}, {@code page}, {@code per_page}), so the document cannot list a
 * filter the parser refuses, or miss one it accepts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiResource {

    /** The record serialized as the resource's own fields. */
    Class<?> view();

    /** The class whose static {@link dev.patchbay.query.ResourceQuery} the routes parse; none when {@code void}. */
    Class<?> query() default void.class;

    /** The name of that static field. */
    String queryField() default "QUERY";

    /** A record whose fields a route adds to the view (beyond includes); none when {@code void}. */
    Class<?> adds() default void.class;

    /** The schema's name in the document; the view's name without its {@code View} suffix when empty. */
    String name() default "";
}
