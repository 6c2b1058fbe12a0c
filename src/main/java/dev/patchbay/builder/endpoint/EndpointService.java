package dev.patchbay.builder.endpoint;

import dev.patchbay.builder.JsonInput;
import dev.patchbay.catalog.EndpointWriter;
import dev.patchbay.web.ApiTimestamps;
import dev.patchbay.web.CheckedBody;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.InUseException;
import dev.patchbay.web.InUseException.Kind;
import dev.patchbay.web.NotFoundException;
import dev.patchbay.web.Violations;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
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
    private final EndpointWriter writer;

    EndpointService(JsonInput input, Validator beanValidator, EndpointValidator validator, EndpointRepository endpoints,
            EndpointWriter writer) {
        this.input = input;
        this.beanValidator = beanValidator;
        this.validator = validator;
        this.endpoints = endpoints;
        this.writer = writer;
    }

    @Transactional
    long create(long companyId, JsonNode body) {
        EndpointInput endpoint = input.read(body, EndpointInput.class).withDefaults();
        validator.validate(companyId, endpoint, null);
        long id = writer.insert(companyId, endpoint.systemId(), endpoint.toColumns(), null);
        writer.replaceFilters(id, endpoint.filterRows());
        writer.replaceFieldTags(id, endpoint.fieldTagRows());
        writer.replaceSchema(id, input.write(endpoint.endpointSchema()));
        writer.replaceLinks(id, endpoint.implementationIds());
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
        writer.update(companyId, id, endpoint.toColumns());
        if (body.has("filters")) {
            writer.replaceFilters(id, endpoint.filterRows());
        }
        if (body.has("field_tags")) {
            writer.replaceFieldTags(id, endpoint.fieldTagRows());
        }
        if (body.has("endpoint_schema")) {
            writer.replaceSchema(id, input.write(endpoint.endpointSchema()));
        }
        if (body.has("authentication_implementation_ids")) {
            writer.replaceLinks(id, endpoint.implementationIds());
        }
    }

    /** Refused (422, naming them) while a process flow step calls the endpoint. */
    @Transactional
    void delete(long companyId, long id) {
        endpoints.findForUpdate(companyId, id).orElseThrow(() -> NotFoundException.of("endpoint", id));
        InUseException.check("endpoint").usedBy(Kind.PROCESS_FLOWS, endpoints.flowsUsing(companyId, id)).throwIfUsed();
        writer.delete(companyId, id);
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
        return new LinkResult(link.endpointId(), writer.link(implementationId, link.endpointId()));
    }

    record LinkResult(long endpointId, boolean created) {}

    @Transactional
    void unlink(long companyId, long implementationId, long endpointId) {
        endpoints.implementationSystemForUpdate(companyId, implementationId)
                .orElseThrow(() -> NotFoundException.of("authentication implementation", implementationId));
        if (!writer.unlink(implementationId, endpointId)) {
            throw NotFoundException.of("linked endpoint", endpointId);
        }
    }
}
