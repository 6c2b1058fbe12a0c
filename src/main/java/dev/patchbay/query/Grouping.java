package dev.patchbay.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups rows of a batch query by the key they were loaded for. */
public final class Grouping {

    /** A loaded child with the parent key it belongs to. */
    public record Keyed<T>(long key, T value) {}

    private Grouping() {}

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
