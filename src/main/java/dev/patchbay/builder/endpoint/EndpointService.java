package dev.patchbay.builder.endpoint;

import dev.patchbay.builder.JsonInput;
import dev.patchbay.web.ApiTimestamps;
import dev.patchbay.web.CheckedBody;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The write side of endpoints and their links to authentication implementations; one transaction per call. */
@Service
class EndpointService {

    /** The body of {@code POST /authentication-implementations/{id}/endpoints}. */
    @CheckedBody
    record LinkInput(@NotNull(message = "field is required.") Long endpointId) {}

    private final JsonInput input;
    private final Validator beanValidator;
    private final EndpointValidator validator;
    private final EndpointRepository endpoints;

    EndpointService(JsonInput input, Validator beanValidator, EndpointValidator validator, EndpointRepository endpoints) {
        this.input = input;
        this.beanValidator = beanValidator;
        this.validator = validator;
        this.endpoints = endpoints;
    }

    @Transactional
    long create(long companyId, JsonNode body) {
        EndpointInput endpoint = input.read(body, EndpointInput.class).withDefaults();
        validator.validate(companyId, endpoint, null);
        long id = endpoints.insert(companyId, endpoint);
        endpoints.replaceFilters(id, orEmpty(endpoint.filters()));
        endpoints.replaceFieldTags(id, orEmpty(endpoint.fieldTags()));
        endpoints.replaceSchema(id, input.write(endpoint.endpointSchema()));
        endpoints.replaceLinks(id, orEmpty(endpoint.authenticationImplementationIds()));
        return id;
    }

    /** Scalar fields absent from the body are kept; nested lists present in the body replace the stored ones. */
    @Transactional
    void update(long companyId, long id, JsonNode body) {
        EndpointRepository.Stored stored = endpoints.findForUpdate(companyId, id)
                .orElseThrow(() -> NotFoundException.of("endpoint", id));
        EndpointInput current = new EndpointInput(stored.systemId(), stored.name(), stored.httpMethod(), stored.path(),
                stored.direction(), stored.dataType(), stored.paginationMethod(), stored.returnsMultipleRecords(),
                stored.entityTypeId(), ApiTimestamps.format(stored.deprecatedAt()), null, null, null, null);
        EndpointInput endpoint = input.merge(current, body, EndpointInput.class);
        validator.validate(companyId, endpoint, stored.systemId());
        endpoints.update(companyId, id, endpoint);
        if (body.has("filters")) {
            endpoints.replaceFilters(id, orEmpty(endpoint.filters()));
        }
        if (body.has("field_tags")) {
            endpoints.replaceFieldTags(id, orEmpty(endpoint.fieldTags()));
        }
        if (body.has("endpoint_schema")) {
            endpoints.replaceSchema(id, input.write(endpoint.endpointSchema()));
        }
        if (body.has("authentication_implementation_ids")) {
            endpoints.replaceLinks(id, orEmpty(endpoint.authenticationImplementationIds()));
        }
    }

    /** Refused (422, naming them) while a process flow step calls the endpoint. */
    @Transactional
    void delete(long companyId, long id) {
        endpoints.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("endpoint", id));
        InUseException.check("endpoint").usedBy(Kind.PROCESS_FLOWS, endpoints.flowsUsing(companyId, id)).throwIfUsed();
        endpoints.delete(companyId, id);
    }

    /** Links an endpoint of the implementation's system; returns the endpoint id and whether the link is new. */
    @Transactional
    LinkResult link(long companyId, long implementationId, JsonNode body) {
        long systemId = endpoints.implementationSystemForUpdate(companyId, implementationId)
                .orElseThrow(() -> NotFoundException.of("authentication implementation", implementationId));
        LinkInput link = input.read(body, LinkInput.class);
        FieldErrors errors = Violations.of(beanValidator, link);
        if (link.endpointId() != null
                && !endpoints.endpointSystem(companyId, link.endpointId()).map(s -> s == systemId).orElse(false)) {
            errors.add("endpoint_id", "The selected endpoint id is not an endpoint of this authentication implementation's system.");
        }
        errors.throwIfAny();
        return new LinkResult(link.endpointId(), endpoints.link(implementationId, link.endpointId()));
    }

    record LinkResult(long endpointId, boolean created) {}

    @Transactional
    void unlink(long companyId, long implementationId, long endpointId) {
        endpoints.implementationSystemForUpdate(companyId, implementationId)
                .orElseThrow(() -> NotFoundException.of("authentication implementation", implementationId));
        if (!endpoints.unlink(implementationId, endpointId)) {
            throw NotFoundException.of("linked endpoint", endpointId);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
