package dev.patchbay.catalog.definition;

import dev.patchbay.config.Redacted;
import dev.patchbay.variable.VariableData;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A connector definition file, as read after it passed the JSON Schema
 * ({@code connector-definition.schema.json}). Field names are the file's, in snake_case.
 */
public record ConnectorDefinition(
        String key, String version, String description, SystemDef system, List<AuthenticationDef> authentications,
        List<EndpointDef> endpoints) {

    public ConnectorDefinition {
        endpoints = endpoints == null ? List.of() : endpoints;
    }

    /** {@code connect_timeout} and {@code read_timeout}: seconds, absent for the service's defaults. */
    public record SystemDef(
            String name, String label, String systemType, String protocol, String colour, String logo, String version,
            String versionName, RateLimitDef defaultRateLimit, String defaultDateFormat, String baseUrl, String helpLink,
            Integer connectTimeout, Integer readTimeout) {}

    public record RateLimitDef(int amount, String unit) {}

    public record VariableDef(
            String key, String label, String value, Boolean secret, Boolean locked, String alias, Boolean configurable,
            Boolean required, Boolean advanced) {

        @Override
        public String toString() {
            return "VariableDef[key=" + key + ", value=" + (Boolean.TRUE.equals(secret) ? Redacted.of(value) : value)
                    + ", label=" + label + ", secret=" + secret + "]";
        }

        public VariableData toData() {
            boolean isLocked = Boolean.TRUE.equals(locked);
            return new VariableData(null, key, value, label, Boolean.TRUE.equals(secret), isLocked, alias,
                    configurable != null ? configurable : !isLocked, Boolean.TRUE.equals(required), Boolean.TRUE.equals(advanced));
        }
    }

    public record RequestDef(String method, String path, Map<String, String> headers, Map<String, String> query,
            Integer expectStatus) {}

    public record AuthenticationDef(
            String key, String name, String type, Map<String, String> headers, Map<String, String> query,
            Map<String, String> body, JsonNode basic, JsonNode oauth1, JsonNode oauth2, JsonNode tokenRequest,
            List<VariableDef> variables, RequestDef testRequest, List<String> endpoints) {

        public AuthenticationDef {
            variables = variables == null ? List.of() : variables;
        }
    }

    public record FilterDef(String name, String type, String parameter, String operator) {}

    public record FieldTagDef(String path, String tag) {}

    public record EndpointDef(
            String key, String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, Boolean returnsMultipleRecords, String entityType, String deprecatedAt,
            List<FilterDef> filters, JsonNode schema, List<FieldTagDef> fieldTags, List<VariableDef> variables) {

        public EndpointDef {
            filters = filters == null ? List.of() : filters;
            fieldTags = fieldTags == null ? List.of() : fieldTags;
            variables = variables == null ? List.of() : variables;
        }
    }
}
