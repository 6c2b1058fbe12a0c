package dev.patchbay.outbound.auth;

import dev.patchbay.secret.EncryptedColumns;
import dev.patchbay.secret.SecretCipher;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tokens obtained for connectors, encrypted at rest; every statement is scoped by company. */
@Repository
class TokenStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    TokenStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<Token> find(long companyId, long connectorId) {
        return jdbc.sql("SELECT access_token_encrypted, refresh_token_encrypted, expires_at FROM connector_tokens "
                        + "WHERE company_id = :company AND connector_id = :connector")
                .param("company", companyId)
                .param("connector", connectorId)
                .query((rs, n) -> {
                    String refresh = rs.getString("refresh_token_encrypted");
                    Timestamp expires = rs.getTimestamp("expires_at");
                    return new Token(cipher.decrypt(rs.getString("access_token_encrypted"),
                                    EncryptedColumns.ACCESS_TOKEN.binding(companyId, connectorId)),
                            refresh == null ? null : cipher.decrypt(refresh, EncryptedColumns.REFRESH_TOKEN.binding(companyId, connectorId)),
                            expires == null ? null : expires.toInstant());
                })
                .optional();
    }

    /** Keeps the previous refresh token when a refresh answer does not carry a new one, as RFC 6749 §6 allows. */
    void save(long companyId, long connectorId, Token token) {
        jdbc.sql("INSERT INTO connector_tokens (connector_id, company_id, access_token_encrypted, refresh_token_encrypted, "
                        + "expires_at) SELECT id, company_id, :access, :refresh, :expires FROM connectors "
                        + "WHERE company_id = :company AND id = :connector "
                        + "ON CONFLICT (connector_id) DO UPDATE SET access_token_encrypted = EXCLUDED.access_token_encrypted, "
                        + "refresh_token_encrypted = COALESCE(EXCLUDED.refresh_token_encrypted, "
                        + "connector_tokens.refresh_token_encrypted), expires_at = EXCLUDED.expires_at, updated_at = now()")
                .param("company", companyId)
                .param("connector", connectorId)
                .param("access", cipher.encrypt(token.accessToken(), EncryptedColumns.ACCESS_TOKEN.binding(companyId, connectorId)))
                .param("refresh", token.refreshToken() == null ? null
                        : cipher.encrypt(token.refreshToken(), EncryptedColumns.REFRESH_TOKEN.binding(companyId, connectorId)))
                .param("expires", token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()))
                .update();
    }

    void forgetAccessToken(long companyId, long connectorId) {
        jdbc.sql("UPDATE connector_tokens SET expires_at = to_timestamp(0), updated_at = now() "
                        + "WHERE company_id = :company AND connector_id = :connector")
                .param("company", companyId)
                .param("connector", connectorId)
                .update();
    }
}
