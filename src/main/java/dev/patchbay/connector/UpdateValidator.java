package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.connector.VariableInputs.ChangedVariable;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableRules;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Everything wrong with an update, in one 422, and the merged result when nothing is. Absent fields
 * keep their value; a variable's absent value keeps it, and so does the secret mask sent back; a
 * locked variable's key and value (and lock) cannot change.
 */
@Component
class UpdateValidator {

    record ValidUpdate(ConnectorSettings settings, List<VariableData> changedVariables) {}

    private final Validator beanValidator;
    private final SettingsRules settingsRules;
    private final CatalogLookup catalog;
    private final VariableStore variables;

    UpdateValidator(Validator beanValidator, SettingsRules settingsRules, CatalogLookup catalog, VariableStore variables) {
        this.beanValidator = beanValidator;
        this.settingsRules = settingsRules;
        this.catalog = catalog;
        this.variables = variables;
    }

    ValidUpdate validate(long companyId, ConnectorRow current, UpdateConnectorRequest request) {
        FieldErrors errors = Violations.of(beanValidator, request);
        if (request.getName() != null && request.getName().isBlank()) {
            errors.addAbout("name", "field must not be blank.");
        }
        Long poolId = request.connectionPoolIdOr(current.connectionPoolId());
        Long certificateId = request.certificateIdOr(current.certificateId());
        settingsRules.check(companyId, request.getTimezone(), request.getDateFormat(), request.getRateLimitUnit(),
                changed(poolId, current.connectionPoolId()), changed(certificateId, current.certificateId()), errors);
        if (request.getAuthenticationImplementationId() != null
                && catalog.authenticationImplementation(companyId, request.getAuthenticationImplementationId()).isEmpty()) {
            errors.add("authentication_implementation_id", "The selected authentication implementation id is invalid.");
        }
        List<VariableData> changedVariables = request.getVariables() == null
                ? List.of()
                : mergeVariables(variables.clearValues(companyId, VariableStore.Owner.CONNECTOR, current.id()),
                        request.getVariables(), errors);
        errors.throwIfAny();
        ConnectorSettings was = current.settings();
        ConnectorSettings settings = new ConnectorSettings(
                request.getName() != null ? request.getName().trim() : was.name(),
                request.getType() != null ? request.getType() : was.type(),
                request.getAuthenticationImplementationId() != null
                        ? request.getAuthenticationImplementationId()
                        : was.authenticationImplementationId(),
                request.getTimezone() != null ? request.getTimezone() : was.timezone(),
                request.getDateFormat() != null ? request.getDateFormat() : was.dateFormat(),
                request.getRateLimitUnit() != null ? request.getRateLimitUnit() : was.rateLimitUnit(),
                request.getRateLimitDuration() != null ? request.getRateLimitDuration() : was.rateLimitDuration(),
                poolId, certificateId, was.sessionId(), was.platformAppKey());
        return new ValidUpdate(settings, changedVariables);
    }

    /** Only a newly chosen pool or certificate needs checking; the current one was checked when chosen. */
    private static Long changed(Long chosen, Long current) {
        return Objects.equals(chosen, current) ? null : chosen;
    }

    private static List<VariableData> mergeVariables(List<VariableData> stored, List<ChangedVariable> inputs, FieldErrors errors) {
        Map<Long, VariableData> storedById = new LinkedHashMap<>();
        stored.forEach(variable -> storedById.put(variable.id(), variable));
        Map<Long, VariableData> result = new LinkedHashMap<>(storedById);
        Map<Long, String> pathById = new HashMap<>();
        List<VariableData> changed = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            ChangedVariable input = inputs.get(i);
            String path = "variables." + i;
            if (input == null || input.id() == null) {
                continue; // reported by Bean Validation
            }
            VariableData was = storedById.get(input.id());
            if (was == null) {
                errors.add(path + ".id", "The selected " + path + ".id is invalid.");
                continue;
            }
            if (!seen.add(input.id())) {
                errors.addAbout(path + ".id", "field has a duplicate value.");
                continue;
            }
            VariableData now = VariableRules.changed(was, input.sent().over(was), path + ".", errors);
            result.put(now.id(), now);
            pathById.put(now.id(), path);
            changed.add(now);
        }
        checkWholeSet(result, pathById, errors);
        return changed;
    }

    private static void checkWholeSet(Map<Long, VariableData> result, Map<Long, String> pathById, FieldErrors errors) {
        Set<String> keys = new HashSet<>();
        for (VariableData variable : result.values()) {
            String path = pathById.get(variable.id());
            if (!keys.add(variable.key()) && path != null) {
                errors.addAbout(path + ".key", "field has a duplicate value.");
            }
            if (path != null) {
                VariableRules.requireValue(variable, path + ".", errors);
            }
        }
    }
}
