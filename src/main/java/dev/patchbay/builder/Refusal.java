package dev.patchbay.builder;

import dev.patchbay.web.FieldErrors;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The 422 for a delete that would break something still in use, naming every user: "The system is
 * used by 2 connectors and cannot be deleted: Shop A (#4), Shop B (#5)." plus one entry per user
 * under {@code connectors} (or {@code process_flows}), as the connectors API does for flows.
 */
public final class Refusal {

    /** Something that uses the record: a connector or a process flow. */
    public record User(long id, String name) {

        String label() {
            return name + " (#" + id + ")";
        }
    }

    private Refusal() {}

    /**
     * @param what the record refused, as a field name ({@code system})
     * @param kind the users' field ({@code connectors} or {@code process_flows})
     * @param noun the users' noun in the singular ({@code connector} or {@code process flow})
     */
    public static void ifUsed(FieldErrors errors, String what, String kind, String noun, List<User> users) {
        if (users.isEmpty()) {
            return;
        }
        errors.add(what, "The " + what.replace('_', ' ') + " is used by " + users.size() + " " + noun
                + (users.size() == 1 ? "" : "s") + " and cannot be deleted: "
                + users.stream().map(User::label).collect(Collectors.joining(", ")) + ".");
        users.forEach(user -> errors.add(kind, user.label()));
    }

    public static void throwIfUsed(String what, String kind, String noun, List<User> users) {
        FieldErrors errors = new FieldErrors();
        ifUsed(errors, what, kind, noun, users);
        errors.throwIfAny();
    }
}
