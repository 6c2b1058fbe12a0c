package dev.patchbay.flow;

import dev.patchbay.flow.FlowRequest.StepInput;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Everything wrong with a flow body, in one 422. A step must use a connector of the company and an
 * endpoint of that connector's system (connector → authentication implementation → system, the
 * system that owns the endpoint). Both are looked up for all steps at once.
 */
@Component
class FlowValidator {

    private final Validator beanValidator;
    private final FlowRepository flows;

    FlowValidator(Validator beanValidator, FlowRepository flows) {
        this.beanValidator = beanValidator;
        this.flows = flows;
    }

    /** @param current the flow being updated, or null on create */
    FlowSettings validate(long companyId, FlowRequest request, FlowSettings current) {
        FieldErrors errors = Violations.of(beanValidator, request);
        if (request.name() != null ? request.name().isBlank() : current == null) {
            errors.addAbout("name", "field is required.");
        }
        if (request.steps() != null) {
            checkSteps(companyId, request.steps(), errors);
        }
        errors.throwIfAny();
        return new FlowSettings(
                request.name() != null ? request.name().trim() : current.name(),
                request.enabled() != null ? request.enabled() : current != null && current.enabled(),
                request.steps() != null ? request.steps() : (current == null ? List.of() : null));
    }

    private void checkSteps(long companyId, List<StepInput> steps, FieldErrors errors) {
        List<StepInput> complete = steps.stream().filter(Objects::nonNull).toList();
        Set<Long> connectorIds = complete.stream().map(StepInput::connectorId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<Long> endpointIds = complete.stream().map(StepInput::endpointId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Long> connectorSystem = connectorIds.isEmpty() ? Map.of() : flows.connectorSystems(companyId, connectorIds);
        Map<Long, Long> endpointSystem = endpointIds.isEmpty() ? Map.of() : flows.endpointSystems(companyId, endpointIds);
        for (int i = 0; i < steps.size(); i++) {
            StepInput step = steps.get(i);
            if (step == null) {
                continue; // reported by Bean Validation
            }
            String path = "steps." + i;
            Long system = step.connectorId() == null ? null : connectorSystem.get(step.connectorId());
            if (step.connectorId() != null && system == null) {
                errors.add(path + ".connector_id", "The selected " + path + ".connector_id is invalid.");
            }
            if (step.endpointId() == null) {
                continue;
            }
            Long endpointOwner = endpointSystem.get(step.endpointId());
            if (endpointOwner == null) {
                errors.add(path + ".endpoint_id", "The selected " + path + ".endpoint_id is invalid.");
            } else if (system != null && !system.equals(endpointOwner)) {
                errors.add(path + ".endpoint_id", "The " + path + ".endpoint_id must be an endpoint of the system of connector #"
                        + step.connectorId() + ".");
            }
        }
    }
}
