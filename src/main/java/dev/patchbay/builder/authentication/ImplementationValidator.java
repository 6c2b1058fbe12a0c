package dev.patchbay.builder.authentication;

import dev.patchbay.builder.Texts;
import dev.patchbay.builder.variable.VariableInput;
import dev.patchbay.variable.SentVariable;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableRules;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Everything wrong with an authentication implementation, in one 422: Bean Validation, the system
 * and type, the settings (every {@code {{key}}} must name one of its variable templates, or it would
 * fail at run time) and the test request.
 */
@Component
class ImplementationValidator {

    /** Parameter templates: an object of name → template. */
    static final Set<String> PARAMETER_SECTIONS = Set.of("headers", "query", "body");
    /**
     * Credential settings, in the shape of a connector definition's authentication method
     * (docs/connector-definitions.md), so that installed and hand-built implementations read alike.
     */
    static final Set<String> CREDENTIAL_SECTIONS = Set.of("basic", "oauth1", "oauth2", "token_request");
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Validator beanValidator;
    private final ImplementationRepository implementations;

    ImplementationValidator(Validator beanValidator, ImplementationRepository implementations) {
        this.beanValidator = beanValidator;
        this.implementations = implementations;
    }

    /** A new implementation; returns its first variable templates. */
    List<VariableData> validateCreate(long companyId, ImplementationInput input) {
        FieldErrors errors = Violations.of(beanValidator, input);
        if (input.systemId() != null && !implementations.systemExists(companyId, input.systemId())) {
            errors.add("system_id", "The selected system id is invalid.");
        }
        List<SentVariable> variables = input.variables() == null ? List.of()
                : input.variables().stream().map(variable -> variable == null ? null : variable.sent()).toList();
        List<VariableData> templates = VariableRules.newTemplates(variables, List.of(), "variables.", errors);
        Set<String> keys = new HashSet<>();
        templates.stream().map(VariableData::key).filter(Objects::nonNull).forEach(keys::add);
        checkCommon(input, keys, errors);
        errors.throwIfAny();
        return templates;
    }

    void validateUpdate(long companyId, long id, long currentSystemId, ImplementationInput input) {
        FieldErrors errors = Violations.of(beanValidator, input);
        if (input.systemId() != null && input.systemId() != currentSystemId) {
            errors.add("system_id", "An authentication implementation cannot be moved to another system.");
        }
        if (input.variables() != null) {
            errors.add("variables", "Variable templates are changed through /api/v1/authentication-implementations/" + id
                    + "/variables and /api/v1/variables.");
        }
        checkCommon(input, implementations.templateKeys(companyId, id), errors);
        errors.throwIfAny();
    }

    private void checkCommon(ImplementationInput input, Collection<String> templateKeys, FieldErrors errors) {
        if (input.authenticationTypeId() != null && !implementations.authenticationTypeExists(input.authenticationTypeId())) {
            errors.add("authentication_type_id", "The selected authentication type id is invalid.");
        }
        settings(input.settings(), templateKeys, errors);
        testRequest(input.testRequest(), errors);
    }

    private static void settings(JsonNode settings, Collection<String> templateKeys, FieldErrors errors) {
        if (settings == null || settings.isNull()) {
            return;
        }
        if (!settings.isObject()) {
            errors.addAbout("settings", "field must be a JSON object such as {\"headers\": {\"X-Api-Key\": \"{{api_key}}\"}}.");
            return;
        }
        settings.properties().forEach(section -> {
            String path = "settings." + section.getKey();
            if (CREDENTIAL_SECTIONS.contains(section.getKey())) {
                if (!section.getValue().isObject()) {
                    errors.add(path, "The " + path + " field must be an object.");
                    return;
                }
                unknownPlaceholders(section.getValue().toString(), templateKeys).forEach(key -> errors.add(path, "The " + path
                        + " section uses {{" + key + "}}, which names no variable template of this authentication implementation."));
            } else if (!PARAMETER_SECTIONS.contains(section.getKey())) {
                errors.add(path, "The " + path + " section is not supported; use headers, query, body, basic, oauth1, oauth2 "
                        + "or token_request.");
            } else if (!section.getValue().isObject()) {
                errors.add(path, "The " + path + " field must be an object of parameter templates.");
            } else {
                section.getValue().properties().forEach(parameter -> {
                    String parameterPath = path + "." + parameter.getKey();
                    if (!parameter.getValue().isString()) {
                        errors.add(parameterPath, "The " + parameterPath + " field must be a string template.");
                        return;
                    }
                    String template = parameter.getKey() + parameter.getValue().asString(); // names may be templates too
                    unknownPlaceholders(template, templateKeys).forEach(key -> errors.add(parameterPath, "The " + parameterPath
                            + " template uses {{" + key + "}}, which names no variable template of this authentication "
                            + "implementation."));
                });
            }
        });
    }

    private static List<String> unknownPlaceholders(String text, Collection<String> templateKeys) {
        return Texts.placeholders(text).stream().filter(key -> !templateKeys.contains(key)).toList();
    }

    private static void testRequest(JsonNode request, FieldErrors errors) {
        if (request == null || request.isNull()) {
            return;
        }
        if (!request.isObject()) {
            errors.addAbout("test_request", "field must be an object with method, path and expect_status.");
            return;
        }
        JsonNode method = request.get("method");
        if (method == null || method.isNull()) {
            errors.addAbout("test_request.method", "field is required.");
        } else if (!method.isString() || !METHODS.contains(method.asString())) {
            errors.addAbout("test_request.method", "field must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.");
        }
        JsonNode path = request.get("path");
        if (path == null || path.isNull()) {
            errors.addAbout("test_request.path", "field is required.");
        } else if (!path.isString() || !(path.asString().startsWith("/") || path.asString().startsWith("{{"))
                || path.asString().length() > 2048) {
            errors.addAbout("test_request.path", "field must be a path starting with / (at most 2048 characters).");
        }
        JsonNode status = request.get("expect_status");
        if (status == null || status.isNull()) {
            errors.addAbout("test_request.expect_status", "field is required.");
        } else if (!status.isIntegralNumber() || status.asInt() < 100 || status.asInt() > 599) {
            errors.addAbout("test_request.expect_status", "field must be an HTTP status between 100 and 599.");
        }
        for (String section : List.of("headers", "query")) {
            JsonNode parameters = request.get(section);
            if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
                errors.addAbout("test_request." + section, "field must be an object of parameter templates.");
            }
        }
        request.propertyNames().stream()
                .filter(name -> !Set.of("method", "path", "expect_status", "headers", "query").contains(name))
                .forEach(name -> errors.add("test_request." + name, "The test_request." + name
                        + " field is not supported; use method, path, headers, query and expect_status."));
    }
}
