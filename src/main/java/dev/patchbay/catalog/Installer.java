package dev.patchbay.catalog;

import dev.patchbay.catalog.CatalogWriter.InstalledSystem;
import dev.patchbay.catalog.CatalogWriter.NewEndpoint;
import dev.patchbay.catalog.CatalogWriter.NewFieldTag;
import dev.patchbay.catalog.CatalogWriter.NewFilter;
import dev.patchbay.catalog.CatalogWriter.NewSystem;
import dev.patchbay.catalog.SystemTemplateRepository.TemplateRow;
import dev.patchbay.catalog.definition.ConnectorDefinition;
import dev.patchbay.catalog.definition.ConnectorDefinition.AuthenticationDef;
import dev.patchbay.catalog.definition.ConnectorDefinition.EndpointDef;
import dev.patchbay.catalog.definition.ConnectorDefinition.VariableDef;
import dev.patchbay.catalog.definition.DefinitionParser;
import dev.patchbay.catalog.definition.ParsedDefinition;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.variable.VariableStore.Owner;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Installs a marketplace definition into a company as a system with its authentication
 * implementations and endpoints, applies a newer version to an installed one, or installs it
 * alongside. Connectors (instances) are never touched: an upgrade keeps every id they point at.
 */
@Service
public class Installer {

    public enum Mode {
        INSTALL,
        UPGRADE,
        ALONGSIDE
    }

    /** Where the definition ended up, and whether this call created it. */
    public record Installation(long systemId, boolean created, String version) {}

    private static final List<String> NOT_SETTINGS = List.of("key", "name", "type", "variables", "test_request", "endpoints");

    private final SystemTemplateRepository templates;
    private final CatalogWriter writer;
    private final VariableStore variables;
    private final DefinitionParser parser;

    Installer(SystemTemplateRepository templates, CatalogWriter writer, VariableStore variables, DefinitionParser parser) {
        this.templates = templates;
        this.writer = writer;
        this.variables = variables;
        this.parser = parser;
    }

    /** @param systemId with {@link Mode#UPGRADE}: which installed system to upgrade (null: the main one) */
    @Transactional
    public Installation install(long companyId, long templateId, Mode mode, Long systemId) {
        TemplateRow row = templates.find(templateId).orElseThrow(() -> NotFoundException.of("system template", templateId));
        ParsedDefinition parsed = stored(row);
        ConnectorDefinition definition = parsed.definition();
        List<InstalledSystem> installed = writer.installedFrom(companyId, definition.key());
        return switch (mode) {
            case ALONGSIDE -> alongside(companyId, parsed, installed);
            case UPGRADE -> upgrade(companyId, parsed, installed, systemId);
            case INSTALL -> installOnce(companyId, parsed, installed);
        };
    }

    /** Installs the newest version of a definition by its key (used by the first-start demo). */
    @Transactional
    public Installation installLatest(long companyId, String key) {
        TemplateRow row = templates.latest(key).orElseThrow(() -> NotFoundException.of("system template", key));
        return install(companyId, row.id(), Mode.INSTALL, null);
    }

    /**
     * The company's authentication implementation for a definition's authentication method,
     * installing the definition first when the company has none of it yet.
     */
    @Transactional
    public Optional<Long> authenticationImplementationFor(long companyId, long authenticationTemplateId) {
        Optional<SystemTemplateRepository.AuthenticationTemplateRow> method = templates.findAuthenticationTemplate(
                authenticationTemplateId);
        if (method.isEmpty()) {
            return Optional.empty();
        }
        TemplateRow row = templates.find(method.get().systemTemplateId()).orElseThrow();
        ParsedDefinition parsed = stored(row);
        List<InstalledSystem> installed = writer.installedFrom(companyId, parsed.definition().key());
        long systemId = installed.stream().filter(s -> row.version().equals(s.systemTemplateVersion())).findFirst()
                .or(() -> installed.stream().findFirst())
                .map(InstalledSystem::id)
                .orElseGet(() -> create(companyId, parsed, parsed.definition().key(), parsed.definition().system().name()));
        Long implementation = writer.templateKeys(companyId, systemId, "authentication_implementations").get(method.get().key());
        if (implementation == null) {
            new FieldErrors().add("authentication_implementation_template_id", "The installed " + row.name()
                    + " has no authentication method `" + method.get().key() + "` (it came with version " + row.version()
                    + "); apply that version first: POST /api/v1/system-templates/" + row.id()
                    + "/install with {\"mode\": \"upgrade\"}.").throwIfAny();
        }
        return Optional.of(implementation);
    }

    private Installation installOnce(long companyId, ParsedDefinition parsed, List<InstalledSystem> installed) {
        ConnectorDefinition definition = parsed.definition();
        Optional<InstalledSystem> sameVersion = installed.stream()
                .filter(system -> definition.version().equals(system.systemTemplateVersion())).findFirst();
        if (sameVersion.isPresent()) {
            return new Installation(sameVersion.get().id(), false, definition.version());
        }
        if (!installed.isEmpty()) {
            InstalledSystem current = installed.get(0);
            new FieldErrors().add("mode", definition.system().name() + " " + current.systemTemplateVersion()
                    + " is installed already (system #" + current.id() + "). Send \"mode\": \"upgrade\" to apply "
                    + definition.version() + " to it, or \"mode\": \"alongside\" to install it next to it.").throwIfAny();
        }
        long systemId = create(companyId, parsed, definition.key(), definition.system().name());
        return new Installation(systemId, true, definition.version());
    }

    private Installation alongside(long companyId, ParsedDefinition parsed, List<InstalledSystem> installed) {
        ConnectorDefinition definition = parsed.definition();
        String canonicalKey = definition.key() + "_" + definition.version().toLowerCase().replaceAll("[^a-z0-9]+", "_");
        Optional<InstalledSystem> existing = installed.stream().filter(s -> s.canonicalKey().equals(canonicalKey)).findFirst();
        if (existing.isPresent()) {
            return new Installation(existing.get().id(), false, definition.version());
        }
        if (installed.isEmpty()) {
            return installOnce(companyId, parsed, installed);
        }
        if (writer.canonicalKeyTaken(companyId, canonicalKey)) {
            new FieldErrors().add("mode", "The canonical key `" + canonicalKey + "` is used by another system of this company.")
                    .throwIfAny();
        }
        String name = definition.system().name() + " (" + definition.version() + ")";
        return new Installation(create(companyId, parsed, canonicalKey, name), true, definition.version());
    }

    private Installation upgrade(long companyId, ParsedDefinition parsed, List<InstalledSystem> installed, Long systemId) {
        if (installed.isEmpty()) {
            return installOnce(companyId, parsed, installed);
        }
        InstalledSystem target = installed.get(0);
        if (systemId != null) {
            target = installed.stream().filter(s -> s.id() == systemId).findFirst().orElse(null);
            if (target == null) {
                new FieldErrors().add("system_id", "The selected system id is not installed from "
                        + parsed.definition().key() + ".").throwIfAny();
            }
        }
        apply(companyId, target, parsed);
        return new Installation(target.id(), false, parsed.definition().version());
    }

    private long create(long companyId, ParsedDefinition parsed, String canonicalKey, String name) {
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

    private void apply(long companyId, InstalledSystem target, ParsedDefinition parsed) {
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

    private ParsedDefinition stored(TemplateRow row) {
        ParsedDefinition parsed = parser.parse(row.key() + "@" + row.version(), row.definition());
        if (!parsed.valid()) {
            throw new IllegalStateException("Stored definition " + row.key() + "@" + row.version() + " no longer validates: "
                    + parsed.problems());
        }
        return parsed;
    }

    private static NewSystem newSystem(ConnectorDefinition definition, String canonicalKey, String name) {
        ConnectorDefinition.SystemDef system = definition.system();
        return new NewSystem(name, system.label() != null ? system.label() : system.name(), canonicalKey, system.systemType(),
                system.colour(), system.logo(), system.version(), system.defaultRateLimit().amount(),
                system.defaultRateLimit().unit(), system.defaultDateFormat(), system.helpLink(), definition.key(),
                system.baseUrl(), definition.version(), system.versionName());
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
