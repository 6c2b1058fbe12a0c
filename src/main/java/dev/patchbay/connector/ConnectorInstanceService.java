package dev.patchbay.connector;

import dev.patchbay.catalog.Installer;
import java.util.Optional;
import org.springframework.stereotype.Service;

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

    /**
     * Installs (when needed) and creates in one transaction; the credential check before it sees the
     * installed parts in a transaction that is rolled back, so a refused check installs nothing.
     */
    long create(long companyId, CreateConnectorInstanceRequest request) {
        return connectors.create(companyId, CreateTerms.CONNECTOR_INSTANCE,
                company -> request.asConnector(implementationFor(company, request)));
    }

    private Long implementationFor(long companyId, CreateConnectorInstanceRequest request) {
        Long templateId = request.authenticationImplementationTemplateId();
        if (templateId == null) {
            return null;
        }
        Optional<Long> implementation = installer.authenticationImplementationFor(companyId, templateId);
        return implementation.orElse(NONE);
    }
}
