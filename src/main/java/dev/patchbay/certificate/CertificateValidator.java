package dev.patchbay.certificate;

import dev.patchbay.certificate.CertificateRepository.ConnectorRef;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Everything wrong with an upload, in one 422: Bean Validation, then the file itself (format,
 * private key, passphrase), then the connector to attach it to. Messages never quote the input.
 */
@Component
class CertificateValidator {

    /** A valid upload: the parsed certificate, its name, and the connector to attach it to (if any). */
    record ValidUpload(ParsedCertificate certificate, String name, Optional<ConnectorRef> connector) {}

    private final Validator beanValidator;
    private final CertificateRepository certificates;

    CertificateValidator(Validator beanValidator, CertificateRepository certificates) {
        this.beanValidator = beanValidator;
        this.certificates = certificates;
    }

    ValidUpload validate(long companyId, CertificateRequest request) {
        FieldErrors errors = Violations.of(beanValidator, request);
        ParsedCertificate parsed = null;
        if (!errors.has("certificate") && !errors.has("passphrase")) {
            try {
                parsed = CertificateParser.parse(request.certificate(), request.passphrase());
            } catch (CertificateParser.Problem problem) {
                errors.add(problem.field(), problem.getMessage());
            }
        }
        Optional<ConnectorRef> connector = Optional.ofNullable(request.connectorId())
                .flatMap(id -> certificates.lockConnector(companyId, id));
        if (request.connectorId() != null && connector.isEmpty()) {
            errors.add("connector_id", "The selected connector id is invalid.");
        }
        errors.throwIfAny();
        return new ValidUpload(parsed, nameFor(request.name(), parsed), connector);
    }

    void validate(RenameRequest request) {
        FieldErrors errors = Violations.of(beanValidator, request);
        if (request.certificate() != null) {
            errors.add("certificate", "The certificate cannot be replaced; upload the new file as a new certificate.");
        }
        if (request.passphrase() != null) {
            errors.add("passphrase", "The passphrase cannot be changed; upload the certificate again with its passphrase.");
        }
        errors.throwIfAny();
    }

    /** The given name, else the subject's common name, else the whole subject (cut to the column's 255 characters). */
    private static String nameFor(String given, ParsedCertificate parsed) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        String fallback = parsed.commonName() != null && !parsed.commonName().isBlank() ? parsed.commonName() : parsed.subject();
        if (fallback == null || fallback.isBlank()) {
            fallback = "Certificate " + parsed.fingerprintSha256().substring(0, 12);
        }
        return fallback.length() > 255 ? fallback.substring(0, 255) : fallback;
    }
}
