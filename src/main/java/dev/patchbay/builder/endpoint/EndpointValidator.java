package dev.patchbay.builder.endpoint;

import dev.patchbay.builder.endpoint.EndpointInput.FilterInput;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Everything wrong with an endpoint and its nested lists, in one 422 with dotted paths ({@code filters.0.type}). */
@Component
class EndpointValidator {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final List<String> DIRECTIONS = List.of("Send", "Receive");
    static final List<String> DATA_TYPES = List.of("json", "xml", "csv", "txt");
    static final List<String> FILTER_TYPES = List.of("date", "value");
    static final List<String> OPERATORS = List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "like");

    private final Validator beanValidator;
    private final EndpointRepository endpoints;

    EndpointValidator(Validator beanValidator, EndpointRepository endpoints) {
        this.beanValidator = beanValidator;
        this.endpoints = endpoints;
    }

    /** @param currentSystemId the system of the endpoint being updated, or null on create */
    void validate(long companyId, EndpointInput input, Long currentSystemId) {
        FieldErrors errors = Violations.of(beanValidator, input);
        if (currentSystemId == null && input.systemId() != null && !endpoints.systemExists(companyId, input.systemId())) {
            errors.add("system_id", "The selected system id is invalid.");
        }
        if (currentSystemId != null && input.systemId() != null && !currentSystemId.equals(input.systemId())) {
            errors.add("system_id", "An endpoint cannot be moved to another system.");
        }
        oneOf(input.httpMethod(), METHODS, "http_method", errors);
        oneOf(input.direction(), DIRECTIONS, "direction", errors);
        oneOf(input.dataType(), DATA_TYPES, "data_type", errors);
        if (input.path() != null && !errors.has("path") && !input.path().startsWith("/")) {
            errors.addAbout("path", "field must start with /.");
        }
        if (input.entityTypeId() != null && !endpoints.entityTypeExists(input.entityTypeId())) {
            errors.add("entity_type_id", "The selected entity type id is invalid.");
        }
        if (input.deprecatedAt() != null && parseTime(input.deprecatedAt()) == null) {
            errors.addAbout("deprecated_at", "field must be an ISO-8601 date and time such as 2026-01-31T12:00:00Z.");
        }
        filters(input.filters(), errors);
        schema(input.endpointSchema(), errors);
        implementations(companyId, input, errors);
        errors.throwIfAny();
    }

    static OffsetDateTime parseTime(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void filters(List<FilterInput> filters, FieldErrors errors) {
        if (filters == null) {
            return;
        }
        for (int i = 0; i < filters.size(); i++) {
            FilterInput filter = filters.get(i);
            if (filter != null) {
                oneOf(filter.type(), FILTER_TYPES, "filters." + i + ".type", errors);
                oneOf(filter.operator(), OPERATORS, "filters." + i + ".operator", errors);
            }
        }
    }

    /** A JSON Schema-looking object: it declares a type, a $schema or properties. */
    private static void schema(JsonNode schema, FieldErrors errors) {
        if (schema == null || schema.isNull()) {
            return;
        }
        if (!schema.isObject() || !(schema.has("type") || schema.has("$schema") || schema.has("properties"))) {
            errors.addAbout("endpoint_schema",
                    "field must be a JSON Schema object with a \"type\", \"$schema\" or \"properties\".");
        }
    }

    private void implementations(long companyId, EndpointInput input, FieldErrors errors) {
        List<Long> ids = input.authenticationImplementationIds();
        if (ids == null || ids.isEmpty() || input.systemId() == null) {
            return;
        }
        Set<Long> ofSystem = endpoints.implementationsOfSystem(companyId, input.systemId(), ids);
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && !ofSystem.contains(ids.get(i))) {
                errors.add("authentication_implementation_ids." + i,
                        "The selected authentication implementation is not one of this system's.");
            }
        }
    }

    private static void oneOf(String value, List<String> allowed, String field, FieldErrors errors) {
        if (value != null && !value.isBlank() && !allowed.contains(value)) {
            errors.addAbout(field, "field must be one of " + String.join(", ", allowed) + ".");
        }
    }
}
