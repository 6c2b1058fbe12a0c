package dev.patchbay.connector;

import dev.patchbay.flow.FlowUsage;
import dev.patchbay.flow.FlowUsage.FlowRef;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The write side: validate everything, then write the connector and its variables in one transaction. */
@Service
class ConnectorService {

    private final CreateValidator createValidator;
    private final UpdateValidator updateValidator;
    private final ConnectorRepository connectors;
    private final VariableStore variables;
    private final FlowUsage flowUsage;

    ConnectorService(CreateValidator createValidator, UpdateValidator updateValidator, ConnectorRepository connectors,
            VariableStore variables, FlowUsage flowUsage) {
        this.createValidator = createValidator;
        this.updateValidator = updateValidator;
        this.connectors = connectors;
        this.variables = variables;
        this.flowUsage = flowUsage;
    }

    @Transactional
    long create(long companyId, CreateConnectorRequest request) {
        CreateValidator.ValidCreate valid = createValidator.validate(companyId, request);
        long id = connectors.insert(companyId, valid.settings());
        variables.insertAll(companyId, VariableStore.Owner.CONNECTOR, id, valid.variables());
        return id;
    }

    @Transactional
    void update(long companyId, long id, UpdateConnectorRequest request) {
        ConnectorRow current = connectors.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connector", id));
        UpdateValidator.ValidUpdate valid = updateValidator.validate(companyId, current, request);
        connectors.update(companyId, id, valid.settings());
        variables.updateAll(companyId, VariableStore.Owner.CONNECTOR, id, valid.changedVariables());
    }

    /** Refused (422, naming the flows) while any process flow, enabled or not, has a step using the connector. */
    @Transactional
    void delete(long companyId, long id) {
        connectors.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("connector", id));
        List<FlowRef> flows = flowUsage.flowsUsing(companyId, id);
        if (!flows.isEmpty()) {
            FieldErrors errors = new FieldErrors().add("connector", "The connector is used by " + flows.size()
                    + (flows.size() == 1 ? " process flow" : " process flows") + " and cannot be deleted: "
                    + flows.stream().map(f -> f.name() + " (#" + f.id() + ")").collect(Collectors.joining(", ")) + ".");
            flows.forEach(flow -> errors.add("process_flows", flow.name() + " (#" + flow.id() + (flow.enabled() ? ", enabled)" : ", disabled)")));
            errors.throwIfAny();
        }
        connectors.delete(companyId, id);
    }
}
