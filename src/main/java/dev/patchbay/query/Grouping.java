package dev.patchbay.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups rows of a batch query by the key they were loaded for. */
public final class Grouping {

    /** A loaded child with the parent key it belongs to. */
    public record Keyed<T>(long key, T value) {}

    private Grouping() {}

    /**
     * Keys as one array parameter, for {@code = ANY(:ids)}: the statement's text is then the same for any
     * number of keys, so PostgreSQL parses and plans it once per connection (a prepared statement) instead
     * of once per read, as it must for {@code IN (:ids)}, which expands to one placeholder per key.
     */
    public static long[] keyArray(Collection<Long> keys) {
        long[] array = new long[keys.size()];
        int i = 0;
        for (Long key : keys) {
            array[i++] = key;
        }
        return array;
    }

    public static <T> Map<Long, List<?>> byKey(List<Keyed<T>> rows) {
        Map<Long, List<?>> grouped = new LinkedHashMap<>();
        for (Keyed<T> row : rows) {
            @SuppressWarnings("unchecked")
            List<T> list = (List<T>) grouped.computeIfAbsent(row.key(), k -> new ArrayList<T>());
            list.add(row.value());
        }
        return grouped;
    }
}
