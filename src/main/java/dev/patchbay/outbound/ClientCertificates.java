package dev.patchbay.outbound;

import dev.patchbay.certificate.Certificates;
import dev.patchbay.outbound.http.ClientCertificate;
import org.springframework.stereotype.Component;

/** The client certificate a connector presents, opened from the company's stored certificates. */
@Component
class ClientCertificates {

    private final Certificates certificates;

    ClientCertificates(Certificates certificates) {
        this.certificates = certificates;
    }

    ClientCertificate forCall(long companyId, long certificateId) {
        try {
            return certificates.keys(companyId, certificateId).map(ClientCertificate::of)
                    .orElseThrow(() -> new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST,
                            "The connector's certificate #" + certificateId + " no longer exists.", null));
        } catch (IllegalStateException unopenable) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, "The connector's certificate #" + certificateId
                    + " cannot be opened; upload it again.", null);
        }
    }
}
