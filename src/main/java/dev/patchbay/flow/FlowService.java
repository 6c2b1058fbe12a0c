package dev.patchbay.flow;

import dev.patchbay.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The write side of process flows: validate everything, then write the flow and its steps in one transaction. */
@Service
class FlowService {

    private final FlowValidator validator;
    private final FlowRepository flows;

    FlowService(FlowValidator validator, FlowRepository flows) {
        this.validator = validator;
        this.flows = flows;
    }

    @Transactional
    long create(long companyId, FlowRequest request) {
        FlowSettings flow = validator.validate(companyId, request, null);
        long id = flows.insert(companyId, flow);
        flows.replaceSteps(companyId, id, flow.steps());
        return id;
    }

    @Transactional
    void update(long companyId, long id, FlowRequest request) {
        FlowSettings current = flows.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("process flow", id));
        FlowSettings flow = validator.validate(companyId, request, current);
        flows.update(companyId, id, flow);
        if (flow.steps() != null) {
            flows.replaceSteps(companyId, id, flow.steps());
        }
    }

    @Transactional
    void delete(long companyId, long id) {
        flows.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("process flow", id));
        flows.delete(companyId, id);
    }
}
