package dev.patchbay.query;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One includable relation of a view type: its JSON name, whether it is one record or a list, how
 * to get the lookup key from a parent view (its id, or a foreign key it holds), the loader that
 * fetches children for many keys at once, and the relations of the child type (lazily, since
 * relation graphs are cyclic: endpoint → system → …).
 */
public record Relation(
        String jsonName, boolean many, Function<Object, Long> key, BatchLoader loader, Supplier<Relations> children) {

    @SuppressWarnings("unchecked")
    public static <P> Relation one(
            String jsonName, Function<P, Long> key, BatchLoader loader, Supplier<Relations> children) {
        return new Relation(jsonName, false, view -> key.apply((P) view), loader, children);
    }

    @SuppressWarnings("unchecked")
    public static <P> Relation many(
            String jsonName, Function<P, Long> key, BatchLoader loader, Supplier<Relations> children) {
        return new Relation(jsonName, true, view -> key.apply((P) view), loader, children);
    }
}
