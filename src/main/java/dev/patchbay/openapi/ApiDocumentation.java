package dev.patchbay.openapi;

import dev.patchbay.query.Node;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MessageBody;
import dev.patchbay.web.PageEnvelope;
import dev.patchbay.web.ValidationErrorBody;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes each operation springdoc derives from a controller method: the query language's
 * parameters (from the route's {@link ResourceQuery}), the schema of {@code Node} responses (from
 * {@link ApiResource}), bodies read as trees (from {@link ApiBody}) and the contract's error bodies;
 * then adds the schemas those refer to.
 */
class ApiDocumentation implements OperationCustomizer, OpenApiCustomizer {

    private static final String JSON = "application/json";

    private final ResourceSchemas schemas;

    ApiDocumentation(ResourceSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiBody body = handler.getMethodAnnotation(ApiBody.class);
        if (body != null) {
            operation.setRequestBody(new RequestBody().required(body.required()).content(json(schemas.record(body.value()))));
        }
        ApiResource resource = declaration(handler);
        ResourceQuery query = resource == null ? null : query(resource);
        Envelope envelope = envelope(handler);
        if (envelope != Envelope.NONE) {
            if (resource == null) {
                throw new IllegalStateException(handler + " answers with Node but declares no @ApiResource");
            }
            String name = schemas.envelope(schemas.resource(resource, query), envelope == Envelope.PAGE);
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.setContent(json(name));
                }
            });
        }
        boolean readsQuery = query != null && handler.getMethod().isAnnotationPresent(GetMapping.class)
                && Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> HttpServletRequest.class.isAssignableFrom(p.getParameterType()));
        if (readsQuery) {
            List<Parameter> parameters = new ArrayList<>(operation.getParameters() == null ? List.of() : operation.getParameters());
            parameters.addAll(envelope == Envelope.PAGE ? QueryParameters.forList(query) : QueryParameters.forOne(query));
            operation.setParameters(parameters);
        }
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean identifiesRecord = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        ErrorResponses.add(operation, new ErrorResponses.Shape(secured, identifiesRecord, readsQuery,
                operation.getRequestBody() != null, handler.getMethod().isAnnotationPresent(DeleteMapping.class)));
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        schemas.record(MessageBody.class);
        schemas.record(ValidationErrorBody.class);
        schemas.recordAs(PageEnvelope.Links.class, "PaginationLinks");
        schemas.recordAs(PageEnvelope.Meta.class, "PaginationMeta");
        schemas.components().forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
        // The generic shapes springdoc derived from the signatures, replaced above by each resource's own.
        List.of("Node", "DataEnvelopeNode", "PageEnvelopeNode").forEach(openApi.getComponents().getSchemas()::remove);
    }

    private enum Envelope {
        NONE,
        ONE,
        PAGE
    }

    private static Envelope envelope(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        if (type.getGeneric(0).toClass() != Node.class) {
            return Envelope.NONE;
        }
        if (DataEnvelope.class.isAssignableFrom(type.toClass())) {
            return Envelope.ONE;
        }
        return PageEnvelope.class.isAssignableFrom(type.toClass()) ? Envelope.PAGE : Envelope.NONE;
    }

    private static ApiResource declaration(HandlerMethod handler) {
        ApiResource onMethod = handler.getMethodAnnotation(ApiResource.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ApiResource.class);
    }

    /** The declaration the route parses: a static field of a feature class, read once when the document is built. */
    private static ResourceQuery query(ApiResource resource) {
        if (resource.query() == void.class) {
            return null;
        }
        try {
            Field field = resource.query().getDeclaredField(resource.queryField());
            field.setAccessible(true);
            return (ResourceQuery) field.get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "@ApiResource names " + resource.query().getName() + "." + resource.queryField() + ", not a static ResourceQuery", e);
        }
    }

    private static Content json(String schema) {
        return new Content().addMediaType(JSON, new MediaType().schema(new Schema<>().$ref(ErrorResponses.ref(schema))));
    }
}
