package dev.patchbay.query;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one resource allows in its query string, declared as data (as spatie/laravel-query-builder
 * does): includes, filters with the SQL each one applies, sorts with their column, and the default
 * order. {@link QueryParser} refuses anything not declared here with a 400 naming the allowed values.
 */
public final class ResourceQuery {

    final String resource;
    final Set<String> includes = new LinkedHashSet<>();
    final Map<String, Filter> filters = new LinkedHashMap<>();
    final Map<String, String> sorts = new LinkedHashMap<>();
    final String defaultOrder;

    /** A filter: an SQL condition with one list parameter {@code :values}, and the type of its values. */
    public record Filter(String sqlCondition, ValueType type) {}

    public enum ValueType {
        TEXT,
        ID
    }

    private ResourceQuery(String resource, String defaultOrder) {
        this.resource = resource;
        this.defaultOrder = defaultOrder;
    }

    public static ResourceQuery forResource(String resource, String defaultOrderColumn) {
        return new ResourceQuery(resource, defaultOrderColumn);
    }

    /** Allows each include; {@code withCountAndExists} ones also allow {@code X_count} and {@code XExists}. */
    public ResourceQuery includes(List<String> paths) {
        includes.addAll(paths);
        return this;
    }

    public ResourceQuery includesWithCountAndExists(List<String> relations) {
        for (String relation : relations) {
            includes.add(relation);
            includes.add(relation + IncludeTree.COUNT_SUFFIX);
            includes.add(relation + IncludeTree.EXISTS_SUFFIX);
        }
        return this;
    }

    public ResourceQuery filter(String name, String sqlCondition, ValueType type) {
        filters.put(name, new Filter(sqlCondition, type));
        return this;
    }

    public ResourceQuery sort(String name, String column) {
        sorts.put(name, column);
        return this;
    }

    public Set<String> allowedIncludes() {
        return Set.copyOf(includes);
    }

    /** The allowed includes in declaration order, for the API documentation. */
    public List<String> includeNames() {
        return List.copyOf(includes);
    }

    /** The allowed filters by name, in declaration order, with the type of their values. */
    public Map<String, ValueType> filterTypes() {
        Map<String, ValueType> types = new LinkedHashMap<>();
        filters.forEach((name, filter) -> types.put(name, filter.type()));
        return types;
    }

    public List<String> sortNames() {
        return List.copyOf(sorts.keySet());
    }
}
