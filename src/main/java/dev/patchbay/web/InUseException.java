package dev.patchbay.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A removal refused (422) while other records still use the record, naming every one of them: "The
 * system is used by 2 connectors and cannot be deleted: Shop A (#4), Shop B (#5)." under the record's
 * own field ({@code system}), one such sentence per kind of user, and each user under its kind's field
 * ({@code connectors}, {@code process_flows}). Every delete that can be refused builds it here, and the
 * dashboard reads the users from it rather than from the sentences.
 */
public final class InUseException extends ValidationFailedException {

    /** What kind of record uses the one removed: the field its entries go under, and its noun. */
    public record Kind(String field, String noun) {

        public static final Kind CONNECTORS = new Kind("connectors", "connector");
        public static final Kind PROCESS_FLOWS = new Kind("process_flows", "process flow");
    }

    /**
     * A record in the way. A state, when given, is added to its entry (the connectors API says whether
     * each process flow is enabled); the sentence names the record without it. A class rather than a
     * record so that its one public constructor is what a query's rows ({@code SELECT id, name}) map to.
     */
    public static final class User {

        private final long id;
        private final String name;
        private final String state;

        public User(long id, String name) {
            this(id, name, null);
        }

        private User(long id, String name, String state) {
            this.id = id;
            this.name = name;
            this.state = state;
        }

        public static User withState(long id, String name, String state) {
            return new User(id, name, state);
        }

        public long id() {
            return id;
        }

        /** {@code Shop A (#4)}: how the sentence names it. */
        public String label() {
            return name + " (#" + id + ")";
        }

        /** {@code Shop A (#4)} or {@code Nightly (#7, enabled)}: its entry under its kind's field. */
        public String entry() {
            return state == null ? label() : name + " (#" + id + ", " + state + ")";
        }
    }

    /** The users of one kind. */
    public record Users(Kind kind, List<User> users) {}

    private final transient String sentence;
    private final transient List<Users> users;

    private InUseException(String field, List<Users> users) {
        super(errors(field, users));
        this.sentence = errors().toBody().errors().get(field).get(0);
        this.users = users;
    }

    /** A check of the record named by {@code field} ({@code connection_pool}), to be given its users. */
    public static Check check(String field) {
        return new Check(field);
    }

    /** The first sentence: what the refusal says in one line. */
    public String sentence() {
        return sentence;
    }

    /** The users in the order they are named, by kind. */
    public List<Users> users() {
        return users;
    }

    private static FieldErrors errors(String field, List<Users> users) {
        FieldErrors errors = new FieldErrors();
        for (Users group : users) {
            List<User> named = group.users();
            errors.add(field, "The " + field.replace('_', ' ') + " is used by " + named.size() + " " + group.kind().noun()
                    + (named.size() == 1 ? "" : "s") + " and cannot be deleted: "
                    + named.stream().map(User::label).collect(Collectors.joining(", ")) + ".");
            named.forEach(user -> errors.add(group.kind().field(), user.entry()));
        }
        return errors;
    }

    /** Collects the users of one record; {@link #throwIfUsed()} refuses the removal if there is any. */
    public static final class Check {

        private final String field;
        private final List<Users> users = new ArrayList<>();

        private Check(String field) {
            this.field = field;
        }

        public Check usedBy(Kind kind, List<User> found) {
            if (!found.isEmpty()) {
                users.add(new Users(kind, List.copyOf(found)));
            }
            return this;
        }

        public void throwIfUsed() {
            if (!users.isEmpty()) {
                throw new InUseException(field, List.copyOf(users));
            }
        }
    }
}
