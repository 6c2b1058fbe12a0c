package dev.patchbay.outbound;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a call through a connector needs, in two statements and outside any transaction, so no
 * database connection is held while the request is on the wire.
 */
@Repository
class InstanceReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String IMPLEMENTATION_COLUMNS = "ai.id AS implementation_id, at.key AS authentication_type, "
            + "ai.settings::text AS settings, ai.test_request::text AS test_request, s.base_url, s.connect_timeout, "
            + "s.read_timeout FROM authentication_implementations ai "
            + "JOIN authentication_types at ON at.id = ai.authentication_type_id JOIN systems s ON s.id = ai.system_id ";

    private final JdbcClient jdbc;
    private final VariableStore variables;
    private final PatchbayProperties.Outbound defaults;

    InstanceReader(JdbcClient jdbc, VariableStore variables, PatchbayProperties properties) {
        this.jdbc = jdbc;
        this.variables = variables;
        this.defaults = properties.outbound();
    }

    Instance connector(long companyId, long connectorId) {
        Instance settings = jdbc.sql("SELECT c.id, c.name, c.timezone, c.date_format, c.certificate_id, c.rate_limit_duration, "
                        + "c.rate_limit_unit, c.connection_pool_id, p.\"limit\" AS pool_limit, p.timeout AS pool_timeout, "
                        + IMPLEMENTATION_COLUMNS + "JOIN connectors c ON c.authentication_implementation_id = ai.id "
                        + "LEFT JOIN connection_pools p ON p.id = c.connection_pool_id AND p.company_id = c.company_id "
                        + "WHERE c.company_id = :company AND c.id = :id")
                .param("company", companyId)
                .param("id", connectorId)
                .query((rs, n) -> instance(rs, companyId, rs.getLong("id"), rs.getString("name"), rs.getString("timezone"),
                        rs.getString("date_format"), (Long) rs.getObject("certificate_id"), rs.getInt("rate_limit_duration"),
                        rs.getString("rate_limit_unit"), (Long) rs.getObject("connection_pool_id"),
                        (Integer) rs.getObject("pool_limit"), (Integer) rs.getObject("pool_timeout")))
                .optional()
                .orElseThrow(() -> NotFoundException.of("connector", connectorId));
        List<VariableData> values = variables.clearValues(companyId, VariableStore.Owner.CONNECTOR, connectorId);
        return withVariables(settings, values);
    }

    /** A connector that is not saved yet (or not with these values): what its credential check would use. */
    Instance draft(long companyId, ConnectorDraft draft) {
        Instance settings = jdbc.sql("SELECT " + IMPLEMENTATION_COLUMNS + "WHERE ai.company_id = :company AND ai.id = :id")
                .param("company", companyId)
                .param("id", draft.authenticationImplementationId())
                .query((rs, n) -> instance(rs, companyId, draft.connectorId(), draft.name(), draft.timezone(),
                        draft.dateFormat(), draft.certificateId(), 1, "second", null, null, null))
                .optional()
                .orElseThrow(() -> NotFoundException.of("authentication implementation", draft.authenticationImplementationId()));
        return withVariables(settings, draft.variables());
    }

    private static Instance withVariables(Instance instance, List<VariableData> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        for (VariableData variable : variables) {
            values.put(variable.key(), variable.value());
            if (variable.secret()) {
                secrets.add(variable.key());
            }
        }
        return new Instance(instance.companyId(), instance.connectorId(), instance.name(), instance.authenticationType(),
                instance.authenticationImplementationId(), instance.baseUrlTemplate(), instance.zone(), instance.dateFormat(),
                java.util.Collections.unmodifiableMap(values), Set.copyOf(secrets), instance.settings(), instance.testRequest(), instance.certificateId(),
                instance.connectTimeout(), instance.readTimeout(), instance.rateLimitAmount(), instance.rateLimitUnit(),
                instance.connectionPoolId(), instance.poolLimit(), instance.poolTimeoutSeconds());
    }

    private Instance instance(ResultSet rs, long companyId, Long connectorId, String name, String timezone, String dateFormat,
            Long certificateId, int rateLimitAmount, String rateLimitUnit, Long poolId, Integer poolLimit, Integer poolTimeout)
            throws SQLException {
        Integer connect = (Integer) rs.getObject("connect_timeout");
        Integer read = (Integer) rs.getObject("read_timeout");
        String testRequest = rs.getString("test_request");
        return new Instance(companyId, connectorId, name, rs.getString("authentication_type"), rs.getLong("implementation_id"),
                rs.getString("base_url"), ZoneId.of(timezone), dateFormat, Map.of(), Set.of(),
                JSON.readTree(rs.getString("settings")), testRequest == null ? null : JSON.readTree(testRequest), certificateId,
                connect == null ? defaults.connectTimeout() : Duration.ofSeconds(connect),
                read == null ? defaults.readTimeout() : Duration.ofSeconds(read), rateLimitAmount, rateLimitUnit, poolId,
                poolLimit, poolTimeout);
    }
}
