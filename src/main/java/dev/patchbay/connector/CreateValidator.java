package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogLookup;
import dev.patchbay.catalog.CatalogLookup.AuthenticationImplementationRef;
import dev.patchbay.variable.VariableData;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Everything wrong with a create request, in one 422: Bean Validation, then the field rules, then
 * the database-backed ones (authentication implementation, pool and certificate of this company,
 * variables against the templates).
 */
@Component
class CreateValidator {

    record ValidCreate(ConnectorSettings settings, List<VariableData> variables) {}

    private final Validator beanValidator;
    private final SettingsRules settingsRules;
    private final CatalogLookup catalog;

    CreateValidator(Validator beanValidator, SettingsRules settingsRules, CatalogLookup catalog) {
        this.beanValidator = beanValidator;
        this.settingsRules = settingsRules;
        this.catalog = catalog;
    }

    /** @param terms what the body calls the fields the messages name */
    ValidCreate validate(long companyId, CreateConnectorRequest request, CreateTerms terms) {
        FieldErrors errors = Violations.of(beanValidator, request, terms::field);
        settingsRules.check(companyId, request.timezone(), request.dateFormat(), request.rateLimitUnit(),
                request.connectionPoolId(), request.certificateId(), errors);
        Optional<AuthenticationImplementationRef> implementation = Optional.ofNullable(request.authenticationImplementationId())
                .flatMap(id -> catalog.authenticationImplementation(companyId, id));
        if (request.authenticationImplementationId() != null && implementation.isEmpty()) {
            errors.add(terms.implementation(), terms.unknownImplementation());
        }
        List<VariableData> templates = implementation
                .map(found -> catalog.variableTemplates(companyId, found.id()))
                .orElse(List.of());
        List<VariableData> variables = TemplateMerge.merge(templates, request.variables(), terms, errors);
        errors.throwIfAny();
        AuthenticationImplementationRef found = implementation.orElseThrow();
        ConnectorSettings settings = new ConnectorSettings(request.name().trim(), ConnectorSettings.typeOf(found), found.id(),
                request.timezone(), request.dateFormat(), request.rateLimitUnit(), request.rateLimitDuration(),
                request.connectionPoolId(), request.certificateId(), request.sessionId(), request.platformAppKey());
        return new ValidCreate(settings, variables);
    }
}
