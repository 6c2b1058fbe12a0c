package dev.patchbay.builder.system;

import dev.patchbay.builder.JsonInput;
import dev.patchbay.catalog.EndpointWriter;
import dev.patchbay.catalog.ImplementationWriter;
import dev.patchbay.catalog.SystemWriter;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import dev.patchbay.web.ValidationFailedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The write side of systems: validate everything, then write in one transaction. */
@Service
class SystemService {

    private final JsonInput input;
    private final SystemValidator validator;
    private final SystemRepository systems;
    private final SystemWriter writer;
    private final ImplementationWriter implementations;
    private final EndpointWriter endpoints;

    SystemService(JsonInput input, SystemValidator validator, SystemRepository systems, SystemWriter writer,
            ImplementationWriter implementations, EndpointWriter endpoints) {
        this.input = input;
        this.validator = validator;
        this.systems = systems;
        this.writer = writer;
        this.implementations = implementations;
        this.endpoints = endpoints;
    }

    @Transactional
    long create(long companyId, JsonNode body) {
        SystemInput system = input.read(body, SystemInput.class).withDefaults();
        validator.validate(companyId, system, null);
        return uniqueKey(() -> writer.insert(companyId, system.toColumns()));
    }

    @Transactional
    void update(long companyId, long id, JsonNode body) {
        SystemInput current = systems.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("system", id));
        SystemInput system = input.merge(current, body, SystemInput.class);
        validator.validate(companyId, system, id);
        uniqueKey(() -> {
            writer.update(companyId, id, system.toColumns());
            return id;
        });
    }

    /**
     * Refused (422, naming them) while connectors use the system or process flows call its endpoints;
     * otherwise the system goes with everything under it: its authentication implementations and endpoints,
     * and with them (ON DELETE CASCADE) their variable templates, links, filters, schemas and field tags.
     * This is also how a connector is uninstalled.
     */
    @Transactional
    void delete(long companyId, long id) {
        systems.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("system", id));
        InUseException.check("system")
                .usedBy(Kind.CONNECTORS, systems.connectorsUsing(companyId, id))
                .usedBy(Kind.PROCESS_FLOWS, systems.flowsUsingEndpoints(companyId, id))
                .throwIfUsed();
        implementations.deleteOfSystem(companyId, id);
        endpoints.deleteOfSystem(companyId, id);
        writer.delete(companyId, id);
    }

    /** Two concurrent writes of the same key both pass the validator; the unique index decides. */
    private static long uniqueKey(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException e) {
            throw ValidationFailedException.of("canonical_key", "The canonical key has already been taken.");
        }
    }
}
