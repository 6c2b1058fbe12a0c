package dev.patchbay.certificate;

import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import org.springframework.stereotype.Service;

/** The read side of certificates: a page (one query, which carries the total), then one query per include. */
@Service
class CertificateReads {

    private final ListReader lists;
    private final ListSource<CertificateView> source;

    CertificateReads(ListReader lists, Certificates certificates) {
        this.lists = lists;
        this.source = ListSource.of("SELECT " + Certificates.VIEW_COLUMNS.replaceAll("(\\w+)", "ce.$1"),
                "FROM certificates ce WHERE ce.company_id = :company", "ce.id", "certificate",
                (rs, n) -> Certificates.view(rs), certificates.certificateRelations());
    }

    Page list(long companyId, QueryParams query) {
        return lists.page(companyId, source, query);
    }

    Node get(long companyId, long id, IncludeTree includes) {
        return lists.one(companyId, source, id, includes);
    }
}
