package dev.patchbay.query;

import dev.patchbay.web.PageEnvelope;
import dev.patchbay.web.PublicUrl;
import java.util.List;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** One page of a list with the total across all pages: what every list's read side returns. */
public record Page(List<Node> items, long total) {

    /** The contract's list body, with links to the current request's path and parameters on the public URL. */
    public PageEnvelope<Node> toEnvelope(QueryParams query) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return PageEnvelope.of(items, query.page(), query.perPage(), total, PublicUrl.of(request));
    }
}
