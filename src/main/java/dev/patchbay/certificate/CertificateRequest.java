package dev.patchbay.certificate;

import dev.patchbay.web.CheckedBody;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An upload: {@code certificate} is PEM text (certificate and private key) or base64 of a PKCS#12
 * file; {@code name} defaults to the subject's common name; {@code connector_id} attaches the new
 * certificate to that connector. {@code toString} leaves out the content and the passphrase.
 */
@CheckedBody
record CertificateRequest(
        @NotBlank(message = "field is required.") @Size(max = 200_000, message = "must not be greater than 200000 characters.")
                String certificate,
        @Size(max = 1000, message = "must not be greater than 1000 characters.") String passphrase,
        @Size(max = 255, message = "must not be greater than 255 characters.") String name,
        Long connectorId) {

    @Override
    public String toString() {
        return "CertificateRequest[name=" + name + ", connectorId=" + connectorId + "]";
    }
}
