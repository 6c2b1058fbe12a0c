package dev.patchbay.query;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Requested includes as a tree: {@code a.b.c} loads a, then a.b, then a.b.c (every prefix is
 * loaded, as in Laravel). Counts ({@code a_count}) and existence flags ({@code aExists}) sit on the
 * level of their relation.
 */
public final class IncludeTree {

    static final String COUNT_SUFFIX = "_count";
    static final String EXISTS_SUFFIX = "Exists";

    private final Map<String, IncludeTree> relations = new LinkedHashMap<>();
    private final Set<String> counts = new LinkedHashSet<>();
    private final Set<String> exists = new LinkedHashSet<>();

    public static IncludeTree empty() {
        return new IncludeTree();
    }

    public static IncludeTree of(Iterable<String> includes) {
        IncludeTree root = new IncludeTree();
        for (String include : includes) {
            root.add(include);
        }
        return root;
    }

    /** Returns a copy of this tree with one more include, for callers that always need a relation. */
    public IncludeTree with(String include) {
        IncludeTree copy = new IncludeTree();
        copy.merge(this);
        copy.add(include);
        return copy;
    }

    private void merge(IncludeTree other) {
        counts.addAll(other.counts);
        exists.addAll(other.exists);
        other.relations.forEach((name, subtree) -> relations.computeIfAbsent(name, n -> new IncludeTree()).merge(subtree));
    }

    private void add(String include) {
        int dot = include.indexOf('.');
        if (dot < 0) {
            if (include.endsWith(COUNT_SUFFIX)) {
                counts.add(include.substring(0, include.length() - COUNT_SUFFIX.length()));
            } else if (include.endsWith(EXISTS_SUFFIX)) {
                exists.add(include.substring(0, include.length() - EXISTS_SUFFIX.length()));
            } else {
                relations.computeIfAbsent(include, name -> new IncludeTree());
            }
            return;
        }
        relations.computeIfAbsent(include.substring(0, dot), name -> new IncludeTree()).add(include.substring(dot + 1));
    }

    Map<String, IncludeTree> relations() {
        return relations;
    }

    Set<String> counts() {
        return counts;
    }

    Set<String> exists() {
        return exists;
    }

    public boolean isEmpty() {
        return relations.isEmpty() && counts.isEmpty() && exists.isEmpty();
    }
}
