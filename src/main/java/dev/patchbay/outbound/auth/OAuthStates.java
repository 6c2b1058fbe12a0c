package dev.patchbay.outbound.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consents in progress, by the hash of their state; taking one deletes it, so a state works once. */
@Repository
class OAuthStates {

    record Pending(long companyId, long connectorId, String redirectUri, Instant expiresAt) {}

    private final JdbcClient jdbc;

    OAuthStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(String stateHash, long companyId, long connectorId, String redirectUri, Instant expiresAt) {
        jdbc.sql("DELETE FROM oauth_states WHERE expires_at < now()").update(); // keep the table small
        jdbc.sql("INSERT INTO oauth_states (state_hash, company_id, connector_id, redirect_uri, expires_at) "
                        + "VALUES (:hash, :company, :connector, :redirect, :expires)")
                .param("hash", stateHash)
                .param("company", companyId)
                .param("connector", connectorId)
                .param("redirect", redirectUri)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<Pending> take(String stateHash, Instant now) {
        return jdbc.sql("DELETE FROM oauth_states WHERE state_hash = :hash RETURNING company_id, connector_id, redirect_uri, "
                        + "expires_at")
                .param("hash", stateHash)
                .query((rs, n) -> new Pending(rs.getLong("company_id"), rs.getLong("connector_id"), rs.getString("redirect_uri"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(pending -> pending.expiresAt().isAfter(now));
    }
}
