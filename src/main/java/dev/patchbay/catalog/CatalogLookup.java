package dev.patchbay.catalog;

import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What other features need to know about a company's installed connectors. */
@Component
public class CatalogLookup {

    /** An authentication implementation with what a new connector inherits from its system. */
    public record AuthenticationImplementationRef(
            long id, String name, String templateKey, long systemId, String systemName, String protocol) {}

    private final JdbcClient jdbc;
    private final VariableStore variables;

    CatalogLookup(JdbcClient jdbc, VariableStore variables) {
        this.jdbc = jdbc;
        this.variables = variables;
    }

    public Optional<AuthenticationImplementationRef> authenticationImplementation(long companyId, long id) {
        return jdbc.sql("SELECT ai.id, ai.name, ai.template_key, ai.system_id, s.name AS system_name, s.protocol FROM authentication_implementations ai "
                        + "JOIN systems s ON s.id = ai.system_id WHERE ai.company_id = :company AND ai.id = :id")
                .param("company", companyId)
                .param("id", id)
                .query(AuthenticationImplementationRef.class)
                .optional();
    }

    /** The authentication implementations of one system of the company. */
    public List<AuthenticationImplementationRef> authenticationImplementationsOf(long companyId, long systemId) {
        return jdbc.sql("SELECT ai.id, ai.name, ai.template_key, ai.system_id, s.name AS system_name, s.protocol FROM authentication_implementations ai "
                        + "JOIN systems s ON s.id = ai.system_id WHERE ai.company_id = :company AND ai.system_id = :system "
                        + "ORDER BY ai.id")
                .param("company", companyId)
                .param("system", systemId)
                .query(AuthenticationImplementationRef.class)
                .list();
    }

    /** The variable templates a connector of this authentication implementation must fill in. */
    public List<VariableData> variableTemplates(long companyId, long authenticationImplementationId) {
        return variables.clearValues(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, authenticationImplementationId);
    }
}
