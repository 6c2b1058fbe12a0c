package dev.patchbay.catalog;

import dev.patchbay.catalog.definition.ConnectorDefinition;
import dev.patchbay.catalog.definition.ConnectorDefinition.AuthenticationDef;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The marketplace's storage: definition versions and their authentication methods. */
@Repository
class SystemTemplateRepository {

    record TemplateRow(long id, String key, String version, String name, String systemType, String definition, String source,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    record AuthenticationTemplateRow(long id, long systemTemplateId, String key, String name, String authenticationType) {}

    private static final String COLUMNS = "id, key, version, name, system_type, definition::text AS definition, source, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    SystemTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String key, String version) {
        return jdbc.sql("SELECT count(*) FROM system_templates WHERE key = :key AND version = :version")
                .param("key", key).param("version", version).query(Long.class).single() > 0;
    }

    long insert(ConnectorDefinition definition, JsonNode json, String source) {
        long id = jdbc.sql("INSERT INTO system_templates (key, version, name, system_type, definition, source) "
                        + "VALUES (:key, :version, :name, :type, CAST(:definition AS jsonb), :source) RETURNING id")
                .param("key", definition.key()).param("version", definition.version())
                .param("name", definition.system().name()).param("type", definition.system().systemType())
                .param("definition", json.toString()).param("source", source)
                .query(Long.class).single();
        int position = 0;
        for (AuthenticationDef authentication : definition.authentications()) {
            jdbc.sql("INSERT INTO authentication_implementation_templates (system_template_id, key, name, authentication_type, "
                            + "position) VALUES (:template, :key, :name, :type, :position)")
                    .param("template", id).param("key", authentication.key()).param("name", authentication.name())
                    .param("type", authentication.type()).param("position", position++)
                    .update();
        }
        return id;
    }

    Optional<TemplateRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM system_templates WHERE id = :id").param("id", id)
                .query(TemplateRow.class).optional();
    }

    Optional<TemplateRow> findByKeyAndVersion(String key, String version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM system_templates WHERE key = :key AND version = :version")
                .param("key", key).param("version", version).query(TemplateRow.class).optional();
    }

    /** The most recently added version of a definition. */
    Optional<TemplateRow> latest(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM system_templates WHERE key = :key ORDER BY created_at DESC, id DESC LIMIT 1")
                .param("key", key).query(TemplateRow.class).optional();
    }

    Optional<AuthenticationTemplateRow> findAuthenticationTemplate(long id) {
        return jdbc.sql("SELECT id, system_template_id, key, name, authentication_type FROM "
                        + "authentication_implementation_templates WHERE id = :id")
                .param("id", id).query(AuthenticationTemplateRow.class).optional();
    }

    List<String> keys() {
        return jdbc.sql("SELECT DISTINCT key FROM system_templates ORDER BY key").query(String.class).list();
    }
}
