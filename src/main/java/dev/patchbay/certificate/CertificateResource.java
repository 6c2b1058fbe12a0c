package dev.patchbay.certificate;

import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import java.util.List;

/** The certificates' query allow-lists: who uploaded it, a name filter (part, any case), and sorts. */
final class CertificateResource {

    static final ResourceQuery QUERY = ResourceQuery.forResource("certificates", "ce.id")
            .includes(List.of("user"))
            .filter("name", "EXISTS (SELECT 1 FROM unnest(ARRAY[:values]::text[]) AS q(v) "
                    + "WHERE strpos(lower(ce.name), lower(q.v)) > 0)", ValueType.TEXT)
            .sort("name", "ce.name")
            .sort("expires_at", "ce.expires_at")
            .sort("created_at", "ce.created_at");

    private CertificateResource() {}
}
