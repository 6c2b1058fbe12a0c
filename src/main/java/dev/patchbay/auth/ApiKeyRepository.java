package dev.patchbay.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    record ApiKeyRow(
            long id, Long companyId, boolean platform, String name, String keyPrefix, boolean readOnly,
            OffsetDateTime createdAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {}

    private static final String COLUMNS =
            "id, company_id, platform, name, key_prefix, read_only, created_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKeyRow insert(Long companyId, boolean platform, String name, String rawKey, boolean readOnly) {
        return jdbc.sql("INSERT INTO api_keys (company_id, platform, name, key_hash, key_prefix, read_only) "
                        + "VALUES (:company, :platform, :name, :hash, :prefix, :readOnly) RETURNING " + COLUMNS)
                .param("company", companyId)
                .param("platform", platform)
                .param("name", name)
                .param("hash", ApiKeyHashing.hash(rawKey))
                .param("prefix", ApiKeyHashing.prefix(rawKey))
                .param("readOnly", readOnly)
                .query(ApiKeyRow.class)
                .single();
    }

    Optional<ApiKeyRow> findActiveByHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
                .param("hash", keyHash)
                .query(ApiKeyRow.class)
                .optional();
    }

    boolean existsPlatformKey() {
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE platform").query(Long.class).single() > 0;
    }

    List<ApiKeyRow> listByCompany(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE company_id = :company ORDER BY id")
                .param("company", companyId)
                .query(ApiKeyRow.class)
                .list();
    }

    Optional<ApiKeyRow> findByCompany(long companyId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .query(ApiKeyRow.class)
                .optional();
    }

    /**
     * Records use at minute precision, so that a busy key costs one write a minute, not one per request.
     *
     * @return whether it wrote
     */
    boolean touch(ApiKeyRow key, Instant now) {
        if (key.lastUsedAt() == null || key.lastUsedAt().toInstant().isBefore(now.minusSeconds(60))) {
            jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                    .param("now", java.sql.Timestamp.from(now))
                    .param("id", key.id())
                    .update();
            return true;
        }
        return false;
    }

    void revoke(long companyId, long id, Instant at) {
        jdbc.sql("UPDATE api_keys SET revoked_at = :at WHERE company_id = :company AND id = :id AND revoked_at IS NULL")
                .param("at", java.sql.Timestamp.from(at))
                .param("company", companyId)
                .param("id", id)
                .update();
    }
}
