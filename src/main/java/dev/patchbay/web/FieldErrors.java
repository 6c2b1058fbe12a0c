package dev.patchbay.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects validation failures as dotted field paths ({@code variables.0.key}) to messages, in the
 * order found, so one 422 reports every failing field at once.
 */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** Fields whose value could not be read at all (a wrong JSON type); see {@link #refuse}. */
    private final Set<String> unreadable = new LinkedHashSet<>();

    public FieldErrors add(String field, String message) {
        if (isUnderUnreadable(field)) {
            return this;
        }
        List<String> messages = errors.computeIfAbsent(field, f -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
        return this;
    }

    /** Adds Laravel's phrasing: "The rate limit unit field is required." for {@code rate_limit_unit}. */
    public FieldErrors addAbout(String field, String predicate) {
        return add(field, "The " + attributeName(field) + " " + predicate);
    }

    /**
     * A field whose value has the wrong JSON type ("abc" for an integer), in Laravel's phrasing. The
     * value was left out of the request, so every later rule would only repeat the problem ("field is
     * required"): further messages for this field, or for fields nested in it, are dropped.
     */
    public FieldErrors refuse(String field, String predicate) {
        addAbout(field, predicate);
        unreadable.add(field);
        return this;
    }

    /** A copy to add to, leaving this one as it is (refused fields stay refused in the copy). */
    public FieldErrors copy() {
        FieldErrors copy = new FieldErrors();
        errors.forEach((field, messages) -> copy.errors.put(field, new ArrayList<>(messages)));
        copy.unreadable.addAll(unreadable);
        return copy;
    }

    private boolean isUnderUnreadable(String field) {
        for (String refused : unreadable) {
            if (field.equals(refused) || field.startsWith(refused + ".")) {
                return true;
            }
        }
        return false;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public ValidationFailedException toException() {
        return new ValidationFailedException(this);
    }

    public void throwIfAny() {
        if (!isEmpty()) {
            throw new ValidationFailedException(this);
        }
    }

    public ValidationErrorBody toBody() {
        int total = errors.values().stream().mapToInt(List::size).sum();
        String first = errors.values().iterator().next().get(0);
        int more = total - 1;
        String message = more == 0 ? first : first + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
        return new ValidationErrorBody(message, Map.copyOf(errors).isEmpty() ? Map.of() : new LinkedHashMap<>(errors));
    }

    /** {@code rate_limit_unit} reads as "rate limit unit"; nested paths keep their dots as Laravel does. */
    static String attributeName(String field) {
        return field.contains(".") ? field : field.replace('_', ' ');
    }
}
