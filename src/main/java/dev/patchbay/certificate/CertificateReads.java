package dev.patchbay.certificate;

import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeEngine;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of certificates: a page (one query, one for the total), then one query per include. */
@Service
class CertificateReads {

    private static final String FROM = " FROM certificates ce WHERE ce.company_id = :company";
    private static final String SELECT = "SELECT " + Certificates.VIEW_COLUMNS.replaceAll("(\\w+)", "ce.$1");

    private final JdbcClient jdbc;
    private final Certificates certificates;

    CertificateReads(JdbcClient jdbc, Certificates certificates) {
        this.jdbc = jdbc;
        this.certificates = certificates;
    }

    @Transactional(readOnly = true)
    Page list(long companyId, QueryParams query) {
        long total = jdbc.sql("SELECT count(*)" + FROM + query.andConditions())
                .param("company", companyId)
                .params(query.parameters())
                .query(Long.class)
                .single();
        List<CertificateView> views = total <= query.offset() ? List.of() : jdbc.sql(SELECT + FROM + query.andConditions()
                        + " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .param("company", companyId)
                .params(query.parameters())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query((rs, n) -> Certificates.view(rs))
                .list();
        return new Page(IncludeEngine.load(companyId, views, certificates.certificateRelations(), query.includes()),
                total);
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id, IncludeTree includes) {
        CertificateView view = jdbc.sql(SELECT + FROM + " AND ce.id = :id")
                .param("company", companyId)
                .param("id", id)
                .query((rs, n) -> Certificates.view(rs))
                .optional()
                .orElseThrow(() -> NotFoundException.of("certificate", id));
        return IncludeEngine.load(companyId, List.of(view), certificates.certificateRelations(), includes).get(0);
    }
}
