package dev.patchbay.catalog;

import dev.patchbay.catalog.CatalogWriter.InstalledSystem;
import dev.patchbay.catalog.CatalogWriter.NewEndpoint;
import dev.patchbay.catalog.CatalogWriter.NewFieldTag;
import dev.patchbay.catalog.CatalogWriter.NewFilter;
import dev.patchbay.catalog.CatalogWriter.NewSystem;
import dev.patchbay.catalog.definition.ConnectorDefinition;
import dev.patchbay.catalog.definition.ConnectorDefinition.AuthenticationDef;
import dev.patchbay.catalog.definition.ConnectorDefinition.EndpointDef;
import dev.patchbay.catalog.definition.ConnectorDefinition.VariableDef;
import dev.patchbay.catalog.definition.ParsedDefinition;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.variable.VariableStore.Owner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a definition's system, authentication implementations, endpoints and templates into a
 * company: as a new system, or over an installed one (matched by the template keys each part keeps),
 * leaving every id that instances point at in place. {@link Installer} decides which.
 */
@Component
class InstalledParts {

    private static final List<String> NOT_SETTINGS = List.of("key", "name", "type", "variables", "test_request", "endpoints");

    private final CatalogWriter writer;
    private final VariableStore variables;

    InstalledParts(CatalogWriter writer, VariableStore variables) {
        this.writer = writer;
        this.variables = variables;
    }

    long create(long companyId, ParsedDefinition parsed, String canonicalKey, String name) {
        ConnectorDefinition definition = parsed.definition();
        long systemId = writer.insertSystem(companyId, newSystem(definition, canonicalKey, name));
        Map<String, Long> endpointIds = new LinkedHashMap<>();
        for (EndpointDef endpoint : definition.endpoints()) {
            long id = writer.insertEndpoint(companyId, systemId, newEndpoint(endpoint));
            endpointParts(companyId, id, endpoint, List.of());
            endpointIds.put(endpoint.key(), id);
        }
        for (int a = 0; a < definition.authentications().size(); a++) {
            AuthenticationDef authentication = definition.authentications().get(a);
            JsonNode json = parsed.json().get("authentications").get(a);
            long id = writer.insertAuthenticationImplementation(companyId, systemId, authentication.type(),
                    authentication.name(), settings(json), testRequest(json), authentication.key());
            variables.insertAll(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id, templates(authentication.variables()));
            link(id, authentication, endpointIds);
        }
        return systemId;
    }

    void apply(long companyId, InstalledSystem target, ParsedDefinition parsed) {
        ConnectorDefinition definition = parsed.definition();
        writer.updateSystem(companyId, target.id(), newSystem(definition, target.canonicalKey(), definition.system().name()));
        Map<String, Long> endpointIds = writer.templateKeys(companyId, target.id(), "endpoints");
        for (EndpointDef endpoint : definition.endpoints()) {
            Long id = endpointIds.get(endpoint.key());
            if (id == null) {
                id = writer.insertEndpoint(companyId, target.id(), newEndpoint(endpoint));
                endpointIds.put(endpoint.key(), id);
                endpointParts(companyId, id, endpoint, List.of());
            } else {
                writer.updateEndpoint(companyId, id, newEndpoint(endpoint));
                endpointParts(companyId, id, endpoint, variables.clearValues(companyId, Owner.ENDPOINT, id));
            }
        }
        writer.deprecateEndpointsNotIn(companyId, target.id(), definition.endpoints().stream().map(EndpointDef::key).toList());
        Map<String, Long> authenticationIds = writer.templateKeys(companyId, target.id(), "authentication_implementations");
        for (int a = 0; a < definition.authentications().size(); a++) {
            AuthenticationDef authentication = definition.authentications().get(a);
            JsonNode json = parsed.json().get("authentications").get(a);
            Long id = authenticationIds.get(authentication.key());
            if (id == null) {
                id = writer.insertAuthenticationImplementation(companyId, target.id(), authentication.type(),
                        authentication.name(), settings(json), testRequest(json), authentication.key());
                variables.insertAll(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id, templates(authentication.variables()));
            } else {
                writer.updateAuthenticationImplementation(companyId, id, authentication.type(), authentication.name(),
                        settings(json), testRequest(json));
                mergeTemplates(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id, authentication.variables(),
                        variables.clearValues(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id));
            }
            link(id, authentication, endpointIds);
        }
    }

    /** Schema, filters, field tags and variables of an endpoint (the first three were cleared on update). */
    private void endpointParts(long companyId, long endpointId, EndpointDef endpoint, List<VariableData> stored) {
        if (endpoint.schema() != null) {
            writer.insertSchema(endpointId, endpoint.schema().toString());
        }
        writer.insertFilters(endpointId, endpoint.filters().stream()
                .map(f -> new NewFilter(f.name(), f.type(), f.parameter(), f.operator() == null ? "eq" : f.operator()))
                .toList());
        writer.insertFieldTags(endpointId, endpoint.fieldTags().stream().map(t -> new NewFieldTag(t.path(), t.tag())).toList());
        mergeTemplates(companyId, Owner.ENDPOINT, endpointId, endpoint.variables(), stored);
    }

    /**
     * New template keys are added; existing ones take the new label and flags but keep the value a
     * company may have set, except a locked one, which takes the definition's value.
     */
    private void mergeTemplates(long companyId, Owner owner, long ownerId, List<VariableDef> definitions,
            List<VariableData> stored) {
        Map<String, VariableData> storedByKey = new HashMap<>();
        stored.forEach(variable -> storedByKey.put(variable.key(), variable));
        List<VariableData> changed = new ArrayList<>();
        List<VariableData> added = new ArrayList<>();
        for (VariableDef definition : definitions) {
            VariableData wanted = definition.toData();
            VariableData existing = storedByKey.get(definition.key());
            if (existing == null) {
                added.add(wanted);
            } else {
                changed.add(wanted.withId(existing.id()).withValue(wanted.locked() ? wanted.value() : existing.value()));
            }
        }
        variables.updateAll(companyId, owner, ownerId, changed);
        variables.insertAll(companyId, owner, ownerId, added, stored.size());
    }

    private void link(long authenticationId, AuthenticationDef authentication, Map<String, Long> endpointIds) {
        List<String> keys = authentication.endpoints() != null ? authentication.endpoints() : List.copyOf(endpointIds.keySet());
        keys.forEach(key -> writer.linkEndpoint(authenticationId, endpointIds.get(key)));
    }

    private static NewSystem newSystem(ConnectorDefinition definition, String canonicalKey, String name) {
        ConnectorDefinition.SystemDef system = definition.system();
        return new NewSystem(name, system.label() != null ? system.label() : system.name(), canonicalKey, system.systemType(),
                system.colour(), system.logo(), system.version(), system.defaultRateLimit().amount(),
                system.defaultRateLimit().unit(), system.defaultDateFormat(), system.helpLink(), definition.key(),
                system.baseUrl(), definition.version(), system.versionName(), system.connectTimeout(), system.readTimeout());
    }

    private static NewEndpoint newEndpoint(EndpointDef e) {
        return new NewEndpoint(e.name(), e.httpMethod(), e.path(), e.direction(), e.dataType() == null ? "json" : e.dataType(),
                e.paginationMethod(), Boolean.TRUE.equals(e.returnsMultipleRecords()), e.entityType(), e.key(), e.deprecatedAt());
    }

    private static List<VariableData> templates(List<VariableDef> definitions) {
        return definitions.stream().map(VariableDef::toData).toList();
    }

    /** The method's request parameters and credentials, as stored on the authentication implementation. */
    private static String settings(JsonNode authentication) {
        ObjectNode settings = ((ObjectNode) authentication).deepCopy();
        NOT_SETTINGS.forEach(settings::remove);
        return settings.toString();
    }

    private static String testRequest(JsonNode authentication) {
        JsonNode test = authentication.get("test_request");
        return test == null ? null : test.toString();
    }
}
