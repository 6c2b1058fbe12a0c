package dev.patchbay.dashboard;

import dev.patchbay.web.InUseException;
import java.util.List;

/**
 * A removal the API refused (422) while other records use it: its sentence, and the records in the way,
 * each with its id so the page can link it and the label the API gives it ("Name (#12)" or
 * "Name (#12, enabled)").
 */
record Refused(String message, List<Blocker> blockers) {

    record Blocker(String kind, long id, String label) {}

    static Refused of(InUseException e) {
        List<Blocker> blockers = e.users().stream()
                .flatMap(group -> group.users().stream().map(user -> new Blocker(group.kind().field(), user.id(), user.entry())))
                .toList();
        return new Refused(e.sentence(), blockers);
    }
}
