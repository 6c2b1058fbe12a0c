package dev.patchbay.certificate;

import dev.patchbay.query.Node;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.web.JsonBody;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The dashboard's way to {@code POST /certificates} and {@code GET /certificates/{id}}: the API's body, parser and rules. */
@Component
public class CertificateUploads {

    private final CertificateService service;
    private final CertificateReads reads;
    private final JsonBody bodies;

    CertificateUploads(CertificateService service, CertificateReads reads, JsonBody bodies) {
        this.service = service;
        this.reads = reads;
        this.bodies = bodies;
    }

    /** @param userId who uploads it; {@code connector_id} in the body attaches the certificate to that connector */
    public long upload(long companyId, Long userId, JsonNode body) {
        return service.upload(companyId, userId, bodies.read(body, CertificateRequest.class));
    }

    public Node get(long companyId, long id) {
        return reads.get(companyId, id, IncludeTree.empty());
    }
}
