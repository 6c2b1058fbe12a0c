package dev.patchbay.catalog;

import dev.patchbay.catalog.InstalledSystems.InstalledSystem;
import dev.patchbay.catalog.SystemTemplateRepository.TemplateRow;
import dev.patchbay.catalog.definition.ConnectorDefinition;
import dev.patchbay.catalog.definition.DefinitionParser;
import dev.patchbay.catalog.definition.ParsedDefinition;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
        ALONGSIDE;

        /** The API's {@code mode}: absent means install; anything else is a 422 on {@code mode}. */
        public static Mode of(String mode) {
            if (mode == null) {
                return INSTALL;
            }
            return switch (mode) {
                case "install" -> INSTALL;
                case "upgrade" -> UPGRADE;
                case "alongside" -> ALONGSIDE;
                default -> throw new FieldErrors().add("mode", "The selected mode is invalid. Allowed: install, upgrade, alongside.")
                        .toException();
            };
        }
    }

    /** Where the definition ended up, and whether this call created it. */
    public record Installation(long systemId, boolean created, String version) {}

    private final SystemTemplateRepository templates;
    private final InstalledSystems installedSystems;
    private final InstalledParts parts;
    private final DefinitionParser parser;

    Installer(SystemTemplateRepository templates, InstalledSystems installedSystems, InstalledParts parts, DefinitionParser parser) {
        this.templates = templates;
        this.installedSystems = installedSystems;
        this.parts = parts;
        this.parser = parser;
    }

    /** @param systemId with {@link Mode#UPGRADE}: which installed system to upgrade (null: the main one) */
    @Transactional
    public Installation install(long companyId, long templateId, Mode mode, Long systemId) {
        TemplateRow row = templates.find(templateId).orElseThrow(() -> NotFoundException.of("system template", templateId));
        ParsedDefinition parsed = stored(row);
        ConnectorDefinition definition = parsed.definition();
        List<InstalledSystem> installed = installedSystems.installedFrom(companyId, definition.key());
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
        List<InstalledSystem> installed = installedSystems.installedFrom(companyId, parsed.definition().key());
        long systemId = installed.stream().filter(s -> row.version().equals(s.systemTemplateVersion())).findFirst()
                .or(() -> installed.stream().findFirst())
                .map(InstalledSystem::id)
                .orElseGet(() -> parts.create(companyId, parsed, parsed.definition().key(), parsed.definition().system().name()));
        Long implementation = installedSystems.implementationKeys(companyId, systemId).get(method.get().key());
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
        long systemId = parts.create(companyId, parsed, definition.key(), definition.system().name());
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
        if (installedSystems.canonicalKeyTaken(companyId, canonicalKey)) {
            new FieldErrors().add("mode", "The canonical key `" + canonicalKey + "` is used by another system of this company.")
                    .throwIfAny();
        }
        String name = definition.system().name() + " (" + definition.version() + ")";
        return new Installation(parts.create(companyId, parsed, canonicalKey, name), true, definition.version());
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
        parts.apply(companyId, target, parsed);
        return new Installation(target.id(), false, parsed.definition().version());
    }

    private ParsedDefinition stored(TemplateRow row) {
        ParsedDefinition parsed = parser.parse(row.key() + "@" + row.version(), row.definition());
        if (!parsed.valid()) {
            throw new IllegalStateException("Stored definition " + row.key() + "@" + row.version() + " no longer validates: "
                    + parsed.problems());
        }
        return parsed;
    }
}
