package dev.patchbay.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the installer reads before it writes: the systems installed from a definition, the parts they
 * took from it (by template key), and the ids of the reference types a definition names. The writes are
 * {@link SystemWriter}'s, {@link ImplementationWriter}'s and {@link EndpointWriter}'s.
 */
@Repository
class InstalledSystems {

    record InstalledSystem(long id, String canonicalKey, String name, String systemTemplateVersion) {}

    private final JdbcClient jdbc;

    InstalledSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's systems installed from a definition, the one with the definition's own key first. */
    List<InstalledSystem> installedFrom(long companyId, String templateKey) {
        return jdbc.sql("SELECT id, canonical_key, name, system_template_version FROM systems WHERE company_id = :company "
                        + "AND system_template_id = :key ORDER BY (canonical_key = :key) DESC, id")
                .param("company", companyId).param("key", templateKey)
                .query(InstalledSystem.class).list();
    }

    boolean canonicalKeyTaken(long companyId, String canonicalKey) {
        return jdbc.sql("SELECT count(*) FROM systems WHERE company_id = :company AND canonical_key = :key")
                .param("company", companyId).param("key", canonicalKey).query(Long.class).single() > 0;
    }

    /** template key → id of the system's authentication implementations that came from a definition. */
    Map<String, Long> implementationKeys(long companyId, long systemId) {
        return templateKeys("authentication_implementations", companyId, systemId);
    }

    /** template key → id of the system's endpoints that came from a definition. */
    Map<String, Long> endpointKeys(long companyId, long systemId) {
        return templateKeys("endpoints", companyId, systemId);
    }

    private Map<String, Long> templateKeys(String table, long companyId, long systemId) {
        Map<String, Long> keys = new HashMap<>();
        jdbc.sql("SELECT template_key, id FROM " + table + " WHERE company_id = :company AND system_id = :system "
                        + "AND template_key IS NOT NULL")
                .param("company", companyId).param("system", systemId)
                .query((rs, n) -> keys.put(rs.getString("template_key"), rs.getLong("id"))).list();
        return keys;
    }

    /** The id of the system type with this name; null when none has it (the write is then refused). */
    Long systemTypeId(String name) {
        return jdbc.sql("SELECT id FROM system_types WHERE name = :name").param("name", name)
                .query(Long.class).optional().orElse(null);
    }

    /** The id of the authentication type with this key; null when none has it (the write is then refused). */
    Long authenticationTypeId(String key) {
        return jdbc.sql("SELECT id FROM authentication_types WHERE key = :key").param("key", key)
                .query(Long.class).optional().orElse(null);
    }

    /** The id of the entity type with this name; null when the name is null or unknown (the endpoint then has none). */
    Long entityTypeId(String name) {
        return name == null ? null : jdbc.sql("SELECT id FROM entity_types WHERE name = :name").param("name", name)
                .query(Long.class).optional().orElse(null);
    }
}
