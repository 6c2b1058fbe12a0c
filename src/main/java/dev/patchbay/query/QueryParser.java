package dev.patchbay.query;

import dev.patchbay.web.BadQueryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code include}, {@code filter[...]}, {@code sort}, {@code page} and {@code per_page} against a declaration. */
public final class QueryParser {

    private static final Pattern FILTER = Pattern.compile("filter\\[(.*)]");

    private QueryParser() {}

    public static QueryParams parse(Map<String, String[]> query, ResourceQuery declared) {
        IncludeTree includes = IncludeTree.of(includes(first(query, "include"), declared));
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        filters(query, declared, conditions, parameters);
        String orderBy = orderBy(first(query, "sort"), declared);
        int page = positiveInt(first(query, "page"), "page", 1, Integer.MAX_VALUE, 1);
        int perPage = positiveInt(
                first(query, "per_page"), "per_page", 1, QueryParams.MAX_PER_PAGE, QueryParams.DEFAULT_PER_PAGE);
        return new QueryParams(includes, conditions, parameters, orderBy, page, perPage);
    }

    /** For a single resource: includes only; filters, sort and paging are accepted and have nothing to act on. */
    public static IncludeTree parseIncludes(Map<String, String[]> query, ResourceQuery declared) {
        parse(query, declared);
        return IncludeTree.of(includes(first(query, "include"), declared));
    }

    private static Set<String> includes(String raw, ResourceQuery declared) {
        Set<String> requested = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return requested;
        }
        for (String include : raw.split(",")) {
            String trimmed = include.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!declared.includes.contains(trimmed)) {
                throw new BadQueryException("Requested include(s) `" + trimmed + "` are not allowed. Allowed include(s) are `"
                        + String.join(", ", declared.includes) + "`.");
            }
            requested.add(trimmed);
        }
        return requested;
    }

    private static void filters(
            Map<String, String[]> query, ResourceQuery declared, List<String> conditions, Map<String, Object> parameters) {
        Set<String> unknown = new TreeSet<>();
        int index = 0;
        for (Map.Entry<String, String[]> entry : query.entrySet()) {
            Matcher matcher = FILTER.matcher(entry.getKey());
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(1);
            ResourceQuery.Filter filter = declared.filters.get(name);
            if (filter == null) {
                unknown.add(name);
                continue;
            }
            List<Object> values = values(name, entry.getValue()[0], filter.type());
            if (values.isEmpty()) {
                continue; // filter[x]= with no value filters nothing, as in laravel-query-builder
            }
            String parameter = "filter" + index++;
            conditions.add(filter.sqlCondition().replace(":values", ":" + parameter));
            parameters.put(parameter, values);
        }
        if (!unknown.isEmpty()) {
            throw new BadQueryException("Requested filter(s) `" + String.join(", ", unknown)
                    + "` are not allowed. Allowed filter(s) are `" + String.join(", ", declared.filters.keySet()) + "`.");
        }
    }

    private static List<Object> values(String filter, String raw, ResourceQuery.ValueType type) {
        List<Object> values = new ArrayList<>();
        for (String value : Arrays.stream(raw.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList()) {
            if (type == ResourceQuery.ValueType.ID) {
                try {
                    values.add(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new BadQueryException(
                            "Filter `" + filter + "` takes numeric ids separated by commas; `" + value + "` is not one.");
                }
            } else {
                values.add(value);
            }
        }
        return values;
    }

    private static String orderBy(String raw, ResourceQuery declared) {
        if (raw == null || raw.isBlank()) {
            return declared.defaultOrder;
        }
        List<String> clauses = new ArrayList<>();
        for (String part : raw.split(",")) {
            String trimmed = part.trim();
            boolean descending = trimmed.startsWith("-");
            String name = descending ? trimmed.substring(1) : trimmed;
            String column = declared.sorts.get(name);
            if (column == null) {
                throw new BadQueryException("Requested sort(s) `" + trimmed + "` is not allowed. Allowed sort(s) are `"
                        + String.join(", ", declared.sorts.keySet()) + "`.");
            }
            clauses.add(column + (descending ? " DESC" : " ASC"));
        }
        clauses.add(declared.defaultOrder); // a stable order for equal values
        return String.join(", ", clauses);
    }

    private static int positiveInt(String raw, String name, int min, int max, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadQueryException("The " + name + " parameter must be an integer between " + min + " and "
                + (max == Integer.MAX_VALUE ? "2147483647" : max) + "; `" + raw + "` is not allowed.");
    }

    private static String first(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
