package dev.patchbay.certificate;

import dev.patchbay.certificate.CertificateRepository.NewCertificate;
import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.SecretCipher;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of certificates: validate the upload completely, then store it with its content and
 * passphrase encrypted (and attach it to a connector) in one transaction.
 */
@Service
class CertificateService {

    private final CertificateValidator validator;
    private final CertificateRepository certificates;
    private final SecretCipher cipher;

    CertificateService(CertificateValidator validator, CertificateRepository certificates, SecretCipher cipher) {
        this.validator = validator;
        this.certificates = certificates;
        this.cipher = cipher;
    }

    /** @param userId who uploads it, or null for an API key */
    @Transactional
    long upload(long companyId, Long userId, CertificateRequest request) {
        CertificateValidator.ValidUpload valid = validator.validate(companyId, request);
        ParsedCertificate parsed = valid.certificate();
        boolean hasPassphrase = request.passphrase() != null && !request.passphrase().isEmpty();
        // The id first: the content and the passphrase are bound to their row.
        long id = certificates.nextId();
        certificates.insert(companyId, id, new NewCertificate(userId, valid.name(), parsed.format(),
                cipher.encrypt(parsed.content(), EncryptedColumns.CERTIFICATE_CONTENT.binding(companyId, id)),
                hasPassphrase ? cipher.encrypt(request.passphrase(), EncryptedColumns.CERTIFICATE_PASSPHRASE.binding(companyId, id))
                        : null,
                parsed.subject(), parsed.issuer(), parsed.fingerprintSha256(), parsed.expiresAt()));
        valid.connector().ifPresent(connector -> certificates.attach(companyId, connector.id(), id));
        return id;
    }

    @Transactional
    void rename(long companyId, long id, RenameRequest request) {
        if (!certificates.lock(companyId, id)) {
            throw NotFoundException.of("certificate", id);
        }
        validator.validate(request);
        certificates.rename(companyId, id, request.name().trim());
    }

    /** Refused (422, naming them) while connectors use the certificate for mutual TLS. */
    @Transactional
    void delete(long companyId, long id) {
        if (!certificates.lock(companyId, id)) {
            throw NotFoundException.of("certificate", id);
        }
        InUseException.check("certificate").usedBy(Kind.CONNECTORS, certificates.connectorsUsing(companyId, id)).throwIfUsed();
        certificates.delete(companyId, id);
    }
}
