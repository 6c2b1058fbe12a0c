package dev.patchbay.certificate;

import dev.patchbay.auth.UserDirectory;
import dev.patchbay.query.KeyedQuery;
import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.SecretCipher;
import dev.patchbay.web.ApiTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features need of certificates: existence checks and the {@code certificate} include
 * (with its {@code user}). The certificates API itself is {@code CertificateController}.
 */
@Component
public class Certificates {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final SecretCipher cipher;
    private final KeyedQuery viewsById;

    Certificates(JdbcClient jdbc, JdbcOperations jdbcOperations, UserDirectory users, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.users = users;
        this.cipher = cipher;
        this.viewsById = KeyedQuery.of(jdbcOperations,
                "SELECT id AS k, " + VIEW_COLUMNS + " FROM certificates WHERE company_id = :company AND id = ANY(:ids)",
                Certificates::view);
    }

    /**
     * The company's certificate opened for mutual TLS (content and passphrase decrypted), or empty
     * when the company has no such certificate.
     *
     * @throws IllegalStateException when the stored content no longer opens; the message names the certificate only
     */
    public Optional<CertificateKeys> keys(long companyId, long id) {
        return jdbc.sql("SELECT format, content_encrypted, passphrase_encrypted, updated_at FROM certificates "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .query((rs, n) -> open(companyId, id, rs.getString("format"), rs.getString("content_encrypted"),
                        rs.getString("passphrase_encrypted"), rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    private CertificateKeys open(long companyId, long id, String format, String content, String passphrase,
            OffsetDateTime updatedAt) {
        try {
            CertificateParser.KeyMaterial material = CertificateParser.keyMaterial(format,
                    cipher.decrypt(content, EncryptedColumns.CERTIFICATE_CONTENT.binding(companyId, id)),
                    passphrase == null ? null : cipher.decrypt(passphrase, EncryptedColumns.CERTIFICATE_PASSPHRASE.binding(companyId, id)));
            return new CertificateKeys(id, updatedAt.toInstant(), material.keyStore(), material.password());
        } catch (CertificateParser.Problem problem) {
            throw new IllegalStateException("The stored certificate #" + id + " cannot be opened");
        }
    }

    public boolean exists(long companyId, long id) {
        return jdbc.sql("SELECT count(*) FROM certificates WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    public <P> Relation relation(Function<P, Long> foreignKey) {
        return Relation.one("certificate", foreignKey, viewsById, this::certificateRelations);
    }

    /** The user who uploaded a certificate, for the {@code user} include of a certificate. */
    Relations certificateRelations() {
        return Relations.none()
                .with("user", Relation.one("user", CertificateView::userId, users.viewsById(), Relations::none));
    }

    /** The columns {@link #view} reads: never the content or the passphrase. */
    static final String VIEW_COLUMNS =
            "id, name, format, subject, issuer, fingerprint_sha256, expires_at, user_id, created_at, updated_at";

    static CertificateView view(ResultSet rs) throws SQLException {
        return new CertificateView(rs.getLong("id"), rs.getString("name"), rs.getString("format"), rs.getString("subject"),
                rs.getString("issuer"), rs.getString("fingerprint_sha256"),
                ApiTimestamps.format(rs.getObject("expires_at", OffsetDateTime.class)), rs.getObject("user_id", Long.class),
                ApiTimestamps.format(rs.getObject("created_at", OffsetDateTime.class)),
                ApiTimestamps.format(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
