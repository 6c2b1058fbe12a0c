package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.catalog.CatalogLookup.AuthenticationImplementationRef;
import dev.patchbay.connector.TemplateMerge.Current;
import dev.patchbay.connector.VariableInputs.ChangedVariable;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableRules;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Everything wrong with an update, in one 422, and the merged result when nothing is. Absent fields
 * keep their value; each sent variable is changed by the {@link VariableRules} (an absent value or
 * the mask keeps it; a locked variable's key, value and lock cannot change).
 *
 * <p>The authentication implementation may change only to another one of the connector's own system:
 * process flows call that system's endpoints through the connector. On such a change the variables
 * are merged again against the new implementation's templates ({@link TemplateMerge#remerge}). The
 * {@code type} is derived as on create, whatever the body says (see {@link UpdateConnectorRequest}).
 */
@Component
class UpdateValidator {

    /** The connector's fields and its whole set of variables after the update (an id for each kept one, in order). */
    record ValidUpdate(ConnectorSettings settings, List<VariableData> variables) {}

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
        AuthenticationImplementationRef implementation =
                catalog.authenticationImplementation(companyId, current.authenticationImplementationId()).orElseThrow();
        Optional<AuthenticationImplementationRef> moveTo = moveTo(companyId, implementation, request, errors);
        List<Current> changedVariables = request.getVariables() == null
                ? List.of()
                : changeVariables(variables.clearValues(companyId, VariableStore.Owner.CONNECTOR, current.id()),
                        request.getVariables(), errors);
        List<VariableData> result = moveTo.isPresent()
                ? TemplateMerge.remerge(catalog.variableTemplates(companyId, moveTo.get().id()), changedVariables, errors)
                : changedVariables.stream().map(Current::variable).toList();
        errors.throwIfAny();
        AuthenticationImplementationRef next = moveTo.orElse(implementation);
        ConnectorSettings was = current.settings();
        ConnectorSettings settings = new ConnectorSettings(
                request.getName() != null ? request.getName().trim() : was.name(),
                ConnectorSettings.typeOf(next),
                next.id(),
                request.getTimezone() != null ? request.getTimezone() : was.timezone(),
                request.getDateFormat() != null ? request.getDateFormat() : was.dateFormat(),
                request.getRateLimitUnit() != null ? request.getRateLimitUnit() : was.rateLimitUnit(),
                request.getRateLimitDuration() != null ? request.getRateLimitDuration() : was.rateLimitDuration(),
                poolId, certificateId, was.sessionId(), was.platformAppKey());
        return new ValidUpdate(settings, result);
    }

    /** Only a newly chosen pool or certificate needs checking; the current one was checked when chosen. */
    private static Long changed(Long chosen, Long current) {
        return Objects.equals(chosen, current) ? null : chosen;
    }

    /** The implementation the connector moves to, when the request names another one of the same system. */
    private Optional<AuthenticationImplementationRef> moveTo(long companyId, AuthenticationImplementationRef current,
            UpdateConnectorRequest request, FieldErrors errors) {
        Long requested = request.getAuthenticationImplementationId();
        if (requested == null || requested == current.id()) {
            return Optional.empty();
        }
        Optional<AuthenticationImplementationRef> found = catalog.authenticationImplementation(companyId, requested);
        if (found.isEmpty()) {
            errors.add("authentication_implementation_id", "The selected authentication implementation id is invalid.");
        } else if (found.get().systemId() != current.systemId()) {
            errors.add("authentication_implementation_id", "The selected authentication implementation belongs to "
                    + found.get().systemName() + ", not to this connector's system " + current.systemName()
                    + "; a connector cannot move to another system (its process flows call this system's endpoints)."
                    + " Create a new connector instead.");
            return Optional.empty();
        }
        return found;
    }

    /** The stored variables, in their order, with the request's changes by id applied and where each change was sent. */
    private static List<Current> changeVariables(List<VariableData> stored, List<ChangedVariable> inputs, FieldErrors errors) {
        Map<Long, Current> result = new LinkedHashMap<>();
        stored.forEach(variable -> result.put(variable.id(), new Current(variable, null, null)));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            ChangedVariable input = inputs.get(i);
            String path = "variables." + i;
            if (input == null || input.id() == null) {
                continue; // reported by Bean Validation
            }
            Current was = result.get(input.id());
            if (was == null) {
                errors.add(path + ".id", "The selected " + path + ".id is invalid.");
                continue;
            }
            if (!seen.add(input.id())) {
                errors.addAbout(path + ".id", "field has a duplicate value.");
                continue;
            }
            VariableData now = VariableRules.changed(was.variable(), input.sent().over(was.variable()), path + ".", errors);
            result.put(now.id(), new Current(now, input, path + "."));
        }
        checkWholeSet(result.values(), errors);
        return new ArrayList<>(result.values());
    }

    private static void checkWholeSet(Iterable<Current> result, FieldErrors errors) {
        Set<String> keys = new HashSet<>();
        for (Current current : result) {
            if (!keys.add(current.variable().key()) && current.path() != null) {
                errors.addAbout(current.path() + "key", "field has a duplicate value.");
            }
            if (current.path() != null) {
                VariableRules.requireValue(current.variable(), current.path(), errors);
            }
        }
    }
}
