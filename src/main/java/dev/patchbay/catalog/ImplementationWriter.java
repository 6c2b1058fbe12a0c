package dev.patchbay.catalog;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code authentication_implementations}, for the installer and the connector builder
 * alike. Their variable templates are {@code VariableStore}'s; their links to endpoints are
 * {@link EndpointWriter}'s. Every statement is scoped by company.
 */
@Component
public class ImplementationWriter {

    /**
     * The writable columns; {@code settingsJson} and {@code testRequestJson} are JSON text (the test request
     * may be null). {@code authenticationTypeId} may be null only for a type that does not exist, which the
     * column refuses.
     */
    public record ImplementationColumns(Long authenticationTypeId, String name, String settingsJson, String testRequestJson) {}

    private final JdbcClient jdbc;

    ImplementationWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param templateKey the key of the definition's authentication method it came from; null when built by hand */
    public long insert(long companyId, long systemId, ImplementationColumns columns, String templateKey) {
        return jdbc.sql("INSERT INTO authentication_implementations (company_id, system_id, authentication_type_id, name, "
                        + "settings, test_request, template_key) VALUES (:company, :system, :type, :name, "
                        + "CAST(:settings AS jsonb), CAST(:test AS jsonb), :templateKey) RETURNING id")
                .param("company", companyId)
                .param("system", systemId)
                .param("templateKey", templateKey)
                .params(columns(columns))
                .query(Long.class)
                .single();
    }

    public void update(long companyId, long id, ImplementationColumns columns) {
        jdbc.sql("UPDATE authentication_implementations SET authentication_type_id = :type, name = :name, "
                        + "settings = CAST(:settings AS jsonb), test_request = CAST(:test AS jsonb), updated_at = now() "
                        + "WHERE company_id = :company AND id = :id")
                .param("company", companyId)
                .param("id", id)
                .params(columns(columns))
                .update();
    }

    /** Its variable templates and endpoint links go with it (ON DELETE CASCADE). */
    public void delete(long companyId, long id) {
        jdbc.sql("DELETE FROM authentication_implementations WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    /** Every authentication implementation of the system, with their templates and links. */
    public void deleteOfSystem(long companyId, long systemId) {
        jdbc.sql("DELETE FROM authentication_implementations WHERE company_id = :company AND system_id = :system")
                .param("company", companyId).param("system", systemId).update();
    }

    private static Map<String, Object> columns(ImplementationColumns columns) {
        Map<String, Object> values = new HashMap<>();
        values.put("type", columns.authenticationTypeId());
        values.put("name", columns.name());
        values.put("settings", columns.settingsJson());
        values.put("test", columns.testRequestJson());
        return values;
    }
}
