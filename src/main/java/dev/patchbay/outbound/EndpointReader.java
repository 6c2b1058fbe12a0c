package dev.patchbay.outbound;

import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An endpoint that a connector may call: one of its system's, and linked to its implementation when the implementation names any. */
@Repository
class EndpointReader {

    record Filter(String name, String type, String parameter) {}

    record Endpoint(long id, String name, String httpMethod, String path, List<Filter> filters, List<VariableData> variables) {}

    private final JdbcClient jdbc;
    private final VariableStore variables;

    EndpointReader(JdbcClient jdbc, VariableStore variables) {
        this.jdbc = jdbc;
        this.variables = variables;
    }

    Optional<Endpoint> find(long companyId, long authenticationImplementationId, long endpointId) {
        return jdbc.sql("SELECT e.id, e.name, e.http_method, e.path FROM endpoints e "
                        + "JOIN authentication_implementations ai ON ai.system_id = e.system_id "
                        + "WHERE e.company_id = :company AND e.id = :endpoint AND ai.id = :implementation "
                        + "AND (NOT EXISTS (SELECT 1 FROM authentication_implementation_endpoint l "
                        + "WHERE l.authentication_implementation_id = ai.id) OR EXISTS (SELECT 1 FROM "
                        + "authentication_implementation_endpoint l WHERE l.authentication_implementation_id = ai.id "
                        + "AND l.endpoint_id = e.id))")
                .param("company", companyId)
                .param("endpoint", endpointId)
                .param("implementation", authenticationImplementationId)
                .query((rs, n) -> new Endpoint(rs.getLong("id"), rs.getString("name"), rs.getString("http_method"),
                        rs.getString("path"), List.of(), List.of()))
                .optional()
                .map(endpoint -> new Endpoint(endpoint.id(), endpoint.name(), endpoint.httpMethod(), endpoint.path(),
                        filters(endpointId), variables.clearValues(companyId, VariableStore.Owner.ENDPOINT, endpointId)));
    }

    private List<Filter> filters(long endpointId) {
        return jdbc.sql("SELECT name, type, parameter FROM endpoint_filters WHERE endpoint_id = :endpoint ORDER BY position, id")
                .param("endpoint", endpointId)
                .query(Filter.class)
                .list();
    }
}
