package dev.patchbay.builder.authentication;

import dev.patchbay.builder.JsonInput;
import dev.patchbay.catalog.ImplementationWriter;
import dev.patchbay.catalog.ImplementationWriter.ImplementationColumns;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The write side of authentication implementations: validate everything, then write in one transaction. */
@Service
class ImplementationService {

    private final JsonInput input;
    private final JsonMapper json;
    private final ImplementationValidator validator;
    private final ImplementationRepository implementations;
    private final ImplementationWriter writer;
    private final VariableStore variables;

    ImplementationService(JsonInput input, JsonMapper json, ImplementationValidator validator,
            ImplementationRepository implementations, ImplementationWriter writer, VariableStore variables) {
        this.input = input;
        this.json = json;
        this.validator = validator;
        this.implementations = implementations;
        this.writer = writer;
        this.variables = variables;
    }

    @Transactional
    long create(long companyId, JsonNode body) {
        ImplementationInput implementation = input.read(body, ImplementationInput.class);
        List<VariableData> templates = validator.validateCreate(companyId, implementation);
        long id = writer.insert(companyId, implementation.systemId(), columns(implementation), null);
        variables.insertAll(companyId, VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION, id, templates);
        return id;
    }

    @Transactional
    void update(long companyId, long id, JsonNode body) {
        ImplementationRepository.Stored stored = implementations.findForUpdate(companyId, id)
                .orElseThrow(() -> NotFoundException.of("authentication implementation", id));
        ImplementationInput current = new ImplementationInput(stored.systemId(), stored.authenticationTypeId(), stored.name(),
                parse(stored.settings()), parse(stored.testRequest()), null);
        ImplementationInput implementation = input.merge(current, body, ImplementationInput.class);
        validator.validateUpdate(companyId, id, stored.systemId(), implementation);
        writer.update(companyId, id, columns(implementation));
    }

    /** Refused (422, naming them) while connectors use it. */
    @Transactional
    void delete(long companyId, long id) {
        implementations.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("authentication implementation", id));
        InUseException.check("authentication_implementation")
                .usedBy(Kind.CONNECTORS, implementations.connectorsUsing(companyId, id))
                .throwIfUsed();
        writer.delete(companyId, id);
    }

    /** The columns the catalog's writer stores: the name without surrounding blanks, settings {@code {}} when absent. */
    private ImplementationColumns columns(ImplementationInput implementation) {
        String settings = input.write(implementation.settings());
        return new ImplementationColumns(implementation.authenticationTypeId(), implementation.name().trim(),
                settings == null ? "{}" : settings, input.write(implementation.testRequest()));
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
