package dev.patchbay.query;

import java.util.List;
import java.util.Map;

/**
 * A parsed and checked query string: the include tree, the filters as SQL conditions with their
 * parameters, the ORDER BY clause and the page.
 */
public record QueryParams(
        IncludeTree includes, List<String> conditions, Map<String, Object> parameters, String orderBy, int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 15;
    public static final int MAX_PER_PAGE = 100;

    /** A long: a page near Integer.MAX_VALUE times per_page does not fit in an int. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }

    /** The filter conditions joined for a WHERE clause, each prefixed by AND; empty when none. */
    public String andConditions() {
        return conditions.stream().map(c -> " AND (" + c + ")").reduce("", String::concat);
    }
}
