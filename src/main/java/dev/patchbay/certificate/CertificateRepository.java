package dev.patchbay.certificate;

import dev.patchbay.secret.RowIds;
import dev.patchbay.web.InUseException.User;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side's SQL for certificates; every statement is scoped by company. */
@Repository
class CertificateRepository {

    /** A connector named by a certificate request or refusal. */
    record ConnectorRef(long id, String name) {}

    /** A certificate ready to store: content and passphrase already encrypted. */
    record NewCertificate(
            Long userId, String name, String format, String contentEncrypted, String passphraseEncrypted, String subject,
            String issuer, String fingerprintSha256, java.time.Instant expiresAt) {}

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id the next certificate will have, so that its content can be encrypted bound to it. */
    long nextId() {
        return RowIds.next(jdbc, "certificates");
    }

    void insert(long companyId, long id, NewCertificate c) {
        jdbc.sql("INSERT INTO certificates (id, company_id, user_id, name, format, content_encrypted, passphrase_encrypted, "
                        + "subject, issuer, fingerprint_sha256, expires_at) VALUES (:id, :company, :user, :name, :format, :content, "
                        + ":passphrase, :subject, :issuer, :fingerprint, :expiresAt)")
                .param("id", id)
                .param("company", companyId)
                .param("user", c.userId())
                .param("name", c.name())
                .param("format", c.format())
                .param("content", c.contentEncrypted())
                .param("passphrase", c.passphraseEncrypted())
                .param("subject", c.subject())
                .param("issuer", c.issuer())
                .param("fingerprint", c.fingerprintSha256())
                .param("expiresAt", java.sql.Timestamp.from(c.expiresAt()))
                .update();
    }

    /** Reads and locks the row, so the in-use check on delete and a connector taking it up cannot interleave. */
    boolean lock(long companyId, long id) {
        return jdbc.sql("SELECT id FROM certificates WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** The company's connector, locked until the certificate is attached to it. */
    Optional<ConnectorRef> lockConnector(long companyId, long connectorId) {
        return jdbc.sql("SELECT id, name FROM connectors WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId)
                .param("id", connectorId)
                .query(ConnectorRef.class)
                .optional();
    }

    void attach(long companyId, long connectorId, long certificateId) {
        jdbc.sql("UPDATE connectors SET certificate_id = :certificate, updated_at = now() WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", connectorId)
                .param("certificate", certificateId)
                .update();
    }

    void rename(long companyId, long id, String name) {
        jdbc.sql("UPDATE certificates SET name = :name, updated_at = now() WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .param("name", name)
                .update();
    }

    List<User> connectorsUsing(long companyId, long id) {
        return jdbc.sql("SELECT id, name FROM connectors WHERE company_id = :company AND certificate_id = :id ORDER BY id")
                .param("company", companyId)
                .param("id", id)
                .query(User.class)
                .list();
    }

    void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM certificates WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .update();
    }
}
