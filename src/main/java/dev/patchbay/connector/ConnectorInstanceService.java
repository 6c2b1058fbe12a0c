package dev.patchbay.connector;

import dev.patchbay.catalog.Installer;
import dev.patchbay.web.ValidationFailedException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /api/v1/connector-instances}: install the definition's connector into the company if
 * it has none yet, then create the connector from it, in one transaction, so that a refused
 * instance leaves no half-installed connector behind.
 */
@Service
class ConnectorInstanceService {

    /** An id that names no authentication implementation, so that the usual rule reports the bad template id. */
    private static final long NONE = -1;

    private final Installer installer;
    private final ConnectorService connectors;

    ConnectorInstanceService(Installer installer, ConnectorService connectors) {
        this.installer = installer;
        this.connectors = connectors;
    }

    @Transactional
    long create(long companyId, CreateConnectorInstanceRequest request) {
        Long templateId = request.authenticationImplementationTemplateId();
        Optional<Long> implementation = templateId == null
                ? Optional.empty()
                : installer.authenticationImplementationFor(companyId, templateId);
        Long implementationId = templateId == null ? null : implementation.orElse(NONE);
        try {
            return connectors.create(companyId, request.asConnector(implementationId));
        } catch (ValidationFailedException e) {
            throw e.errors().renamed(ConnectorInstanceService::inContractTerms).toException();
        }
    }

    /** The connector rules speak of variables and implementations; this route's body of templates. */
    static String inContractTerms(String text) {
        return text.replace("variables", "variable_templates")
                .replace("authentication_implementation_id", "authentication_implementation_template_id")
                .replace("authentication implementation id", "authentication implementation template id");
    }
}
