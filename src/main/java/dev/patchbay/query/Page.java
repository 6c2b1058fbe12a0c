package dev.patchbay.query;

import dev.patchbay.web.PageEnvelope;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** One page of a list with the total across all pages: what every list's read side returns. */
public record Page(List<Node> items, long total) {

    /** The contract's list body, with links built from the current request's URL and parameters. */
    public PageEnvelope<Node> toEnvelope(QueryParams query) {
        return PageEnvelope.of(items, query.page(), query.perPage(), total,
                ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString());
    }
}
