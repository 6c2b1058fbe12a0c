package dev.patchbay.builder.authentication;

import dev.patchbay.builder.JsonInput;
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
    private final VariableStore variables;

    ImplementationService(JsonInput input, JsonMapper json, ImplementationValidator validator,
            ImplementationRepository implementations, VariableStore variables) {
        this.input = input;
        this.json = json;
        this.validator = validator;
        this.implementations = implementations;
        this.variables = variables;
    }

    @Transactional
    long create(long companyId, JsonNode body) {
        ImplementationInput implementation = input.read(body, ImplementationInput.class);
        List<VariableData> templates = validator.validateCreate(companyId, implementation);
        long id = implementations.insert(companyId, implementation, settings(implementation), input.write(implementation.testRequest()));
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
        implementations.update(companyId, id, implementation, settings(implementation),
                input.write(implementation.testRequest()));
    }

    /** Refused (422, naming them) while connectors use it. */
    @Transactional
    void delete(long companyId, long id) {
        implementations.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("authentication implementation", id));
        InUseException.check("authentication_implementation")
                .usedBy(Kind.CONNECTORS, implementations.connectorsUsing(companyId, id))
                .throwIfUsed();
        implementations.delete(companyId, id);
    }

    private String settings(ImplementationInput implementation) {
        String settings = input.write(implementation.settings());
        return settings == null ? "{}" : settings;
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
