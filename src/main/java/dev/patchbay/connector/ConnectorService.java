package dev.patchbay.connector;

import dev.patchbay.flow.FlowUsage;
import dev.patchbay.outbound.ConnectorDraft;
import dev.patchbay.outbound.CredentialCheck;
import dev.patchbay.outbound.OutboundMetrics;
import dev.patchbay.outbound.Instance;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side: validate everything, check the credentials against the system, then write the
 * connector and its variables in one transaction.
 *
 * <p>The credential check is a call to a third-party system, so it never runs inside a transaction:
 * what it needs is read in a transaction that is then rolled back (so a definition installed on the
 * way leaves nothing behind when the check fails), the check runs, and the write validates again in
 * its own transaction.
 */
@Service
class ConnectorService {

    private final CreateValidator createValidator;
    private final UpdateValidator updateValidator;
    private final ConnectorRepository connectors;
    private final VariableStore variables;
    private final FlowUsage flowUsage;
    private final CredentialCheck credentials;
    private final Transactions transactions;
    private final OutboundMetrics metrics;

    ConnectorService(CreateValidator createValidator, UpdateValidator updateValidator, ConnectorRepository connectors,
            VariableStore variables, FlowUsage flowUsage, CredentialCheck credentials, Transactions transactions,
            OutboundMetrics metrics) {
        this.createValidator = createValidator;
        this.updateValidator = updateValidator;
        this.connectors = connectors;
        this.variables = variables;
        this.flowUsage = flowUsage;
        this.credentials = credentials;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    long create(long companyId, CreateConnectorRequest request) {
        return create(companyId, CreateTerms.CONNECTOR, company -> request);
    }

    /**
     * Creates from a request that is built inside the transactions (the connector-instances route
     * installs a definition to name the implementation), so the check and the write see the same parts;
     * {@code terms} are what that request's body calls its fields.
     */
    long create(long companyId, CreateTerms terms, Function<Long, CreateConnectorRequest> request) {
        Optional<Instance> checked = transactions.rolledBack(() -> prepareCreate(companyId, request.apply(companyId), terms));
        checked.ifPresent(credentials::verify);
        long id = transactions.inTransaction(() -> insert(companyId, request.apply(companyId), terms));
        checked.ifPresent(passed -> credentials.passed(companyId, id));
        return id;
    }

    private Optional<Instance> prepareCreate(long companyId, CreateConnectorRequest request, CreateTerms terms) {
        CreateValidator.ValidCreate valid = createValidator.validate(companyId, request, terms);
        return credentials.prepare(companyId, draft(null, valid.settings(), valid.variables()));
    }

    private long insert(long companyId, CreateConnectorRequest request, CreateTerms terms) {
        CreateValidator.ValidCreate valid = createValidator.validate(companyId, request, terms);
        long id = connectors.insert(companyId, valid.settings());
        variables.insertAll(companyId, VariableStore.Owner.CONNECTOR, id, valid.variables());
        return id;
    }

    void update(long companyId, long id, UpdateConnectorRequest request) {
        Optional<Instance> checked = transactions.rolledBack(() -> prepareUpdate(companyId, id, request));
        checked.ifPresent(credentials::verify);
        transactions.inTransaction(() -> {
            ConnectorRow current = connectors.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connector", id));
            UpdateValidator.ValidUpdate valid = updateValidator.validate(companyId, current, request);
            connectors.update(companyId, id, valid.settings());
            variables.replaceAll(companyId, VariableStore.Owner.CONNECTOR, id, valid.variables());
            return id;
        });
        checked.ifPresent(passed -> credentials.passed(companyId, id));
    }

    /** The check of an update, when it changes what the system sees: a credential, the implementation or the certificate. */
    private Optional<Instance> prepareUpdate(long companyId, long id, UpdateConnectorRequest request) {
        ConnectorRow current = connectors.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connector", id));
        UpdateValidator.ValidUpdate valid = updateValidator.validate(companyId, current, request);
        Map<Long, VariableData> stored = variables.clearValues(companyId, VariableStore.Owner.CONNECTOR, id).stream()
                .collect(Collectors.toMap(VariableData::id, Function.identity()));
        boolean valuesChanged = valid.variables().size() != stored.size() || valid.variables().stream().anyMatch(next -> {
            VariableData was = next.id() == null ? null : stored.get(next.id());
            return was == null || !Objects.equals(next.value(), was.value()) || !Objects.equals(next.key(), was.key());
        });
        boolean systemSeesChange = valuesChanged
                || valid.settings().authenticationImplementationId() != current.authenticationImplementationId()
                || !Objects.equals(valid.settings().certificateId(), current.certificateId());
        return systemSeesChange ? credentials.prepare(companyId, draft(id, valid.settings(), valid.variables())) : Optional.empty();
    }

    private static ConnectorDraft draft(Long id, ConnectorSettings settings, List<VariableData> variables) {
        return new ConnectorDraft(id, settings.name(), settings.authenticationImplementationId(), settings.timezone(),
                settings.dateFormat(), settings.certificateId(), variables);
    }

    /** Refused (422, naming the flows) while any process flow, enabled or not, has a step using the connector. */
    @Transactional
    void delete(long companyId, long id) {
        connectors.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connector", id));
        InUseException.check("connector").usedBy(Kind.PROCESS_FLOWS, flowUsage.flowsUsing(companyId, id)).throwIfUsed();
        connectors.delete(companyId, id);
        metrics.forgetConnector(id);
    }
}
