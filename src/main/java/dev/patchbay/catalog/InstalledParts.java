package dev.patchbay.catalog;

import dev.patchbay.catalog.EndpointWriter.EndpointColumns;
import dev.patchbay.catalog.EndpointWriter.FieldTag;
import dev.patchbay.catalog.EndpointWriter.Filter;
import dev.patchbay.catalog.ImplementationWriter.ImplementationColumns;
import dev.patchbay.catalog.InstalledSystems.InstalledSystem;
import dev.patchbay.catalog.SystemWriter.SystemColumns;
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

    private final InstalledSystems installed;
    private final SystemWriter systems;
    private final ImplementationWriter implementations;
    private final EndpointWriter endpoints;
    private final VariableStore variables;

    InstalledParts(InstalledSystems installed, SystemWriter systems, ImplementationWriter implementations,
            EndpointWriter endpoints, VariableStore variables) {
        this.installed = installed;
        this.systems = systems;
        this.implementations = implementations;
        this.endpoints = endpoints;
        this.variables = variables;
    }

    long create(long companyId, ParsedDefinition parsed, String canonicalKey, String name) {
        ConnectorDefinition definition = parsed.definition();
        long systemId = systems.insert(companyId, systemColumns(definition, canonicalKey, name));
        systems.markInstalledFrom(companyId, systemId, definition.key(), definition.version());
        Map<String, Long> endpointIds = new LinkedHashMap<>();
        for (EndpointDef endpoint : definition.endpoints()) {
            long id = endpoints.insert(companyId, systemId, endpointColumns(endpoint), endpoint.key());
            endpointParts(companyId, id, endpoint, List.of());
            endpointIds.put(endpoint.key(), id);
        }
        for (int a = 0; a < definition.authentications().size(); a++) {
            AuthenticationDef authentication = definition.authentications().get(a);
            long id = implementations.insert(companyId, systemId, implementationColumns(parsed, a), authentication.key());
            variables.insertAll(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id, templates(authentication.variables()));
            link(id, authentication, endpointIds);
        }
        return systemId;
    }

    void apply(long companyId, InstalledSystem target, ParsedDefinition parsed) {
        ConnectorDefinition definition = parsed.definition();
        systems.update(companyId, target.id(), systemColumns(definition, target.canonicalKey(), definition.system().name()));
        systems.markInstalledFrom(companyId, target.id(), definition.key(), definition.version());
        Map<String, Long> endpointIds = installed.endpointKeys(companyId, target.id());
        for (EndpointDef endpoint : definition.endpoints()) {
            Long id = endpointIds.get(endpoint.key());
            if (id == null) {
                id = endpoints.insert(companyId, target.id(), endpointColumns(endpoint), endpoint.key());
                endpointIds.put(endpoint.key(), id);
                endpointParts(companyId, id, endpoint, List.of());
            } else {
                endpoints.update(companyId, id, endpointColumns(endpoint));
                endpointParts(companyId, id, endpoint, variables.clearValues(companyId, Owner.ENDPOINT, id));
            }
        }
        endpoints.deprecateInstalledNotIn(companyId, target.id(), definition.endpoints().stream().map(EndpointDef::key).toList());
        Map<String, Long> authenticationIds = installed.implementationKeys(companyId, target.id());
        for (int a = 0; a < definition.authentications().size(); a++) {
            AuthenticationDef authentication = definition.authentications().get(a);
            Long id = authenticationIds.get(authentication.key());
            if (id == null) {
                id = implementations.insert(companyId, target.id(), implementationColumns(parsed, a), authentication.key());
                variables.insertAll(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id, templates(authentication.variables()));
            } else {
                implementations.update(companyId, id, implementationColumns(parsed, a));
                mergeTemplates(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id, authentication.variables(),
                        variables.clearValues(companyId, Owner.AUTHENTICATION_IMPLEMENTATION, id));
            }
            link(id, authentication, endpointIds);
        }
    }

    /** Schema, filters, field tags and variables of an endpoint, replacing what an earlier version installed. */
    private void endpointParts(long companyId, long endpointId, EndpointDef endpoint, List<VariableData> stored) {
        endpoints.replaceSchema(endpointId, endpoint.schema() == null ? null : endpoint.schema().toString());
        endpoints.replaceFilters(endpointId, endpoint.filters().stream()
                .map(f -> new Filter(f.name(), f.type(), f.parameter(), f.operator()))
                .toList());
        endpoints.replaceFieldTags(endpointId, endpoint.fieldTags().stream().map(t -> new FieldTag(t.path(), t.tag())).toList());
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
        keys.forEach(key -> endpoints.link(authenticationId, endpointIds.get(key)));
    }

    private SystemColumns systemColumns(ConnectorDefinition definition, String canonicalKey, String name) {
        ConnectorDefinition.SystemDef system = definition.system();
        return new SystemColumns(name, system.label() != null ? system.label() : system.name(), canonicalKey,
                installed.systemTypeId(system.systemType()), system.protocol() == null ? "HTTP" : system.protocol(),
                system.colour(), system.logo(), system.version(), system.versionName(), system.defaultRateLimit().amount(),
                system.defaultRateLimit().unit(), system.defaultDateFormat(), system.helpLink(), system.baseUrl(),
                system.connectTimeout(), system.readTimeout());
    }

    private EndpointColumns endpointColumns(EndpointDef e) {
        return new EndpointColumns(e.name(), e.httpMethod(), e.path(), e.direction(), e.dataType() == null ? "json" : e.dataType(),
                e.paginationMethod(), Boolean.TRUE.equals(e.returnsMultipleRecords()), installed.entityTypeId(e.entityType()),
                e.deprecatedAt());
    }

    private ImplementationColumns implementationColumns(ParsedDefinition parsed, int index) {
        AuthenticationDef authentication = parsed.definition().authentications().get(index);
        JsonNode json = parsed.json().get("authentications").get(index);
        return new ImplementationColumns(installed.authenticationTypeId(authentication.type()), authentication.name(),
                settings(json), testRequest(json));
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
