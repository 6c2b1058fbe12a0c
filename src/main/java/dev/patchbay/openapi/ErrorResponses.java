package dev.patchbay.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** The contract's error bodies (DESIGN §3), added to each operation where they can happen. */
final class ErrorResponses {

    static final String MESSAGE = "MessageBody";
    static final String VALIDATION = "ValidationErrorBody";

    /** What about an operation decides which errors it can answer. */
    record Shape(boolean secured, boolean identifiesRecord, boolean readsQuery, boolean readsBody, boolean deletes) {}

    private ErrorResponses() {}

    static void add(Operation operation, Shape shape) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (shape.readsQuery()) {
            put(responses, "400", "An include, filter or sort that is not allowed, or a page out of range; the message "
                    + "names the bad value and the allowed ones.", MESSAGE);
        }
        if (shape.secured()) {
            put(responses, "401", "No valid API key or token: `{\"message\": \"Unauthenticated.\"}`.", MESSAGE);
            put(responses, "403", "The caller's role may not do this: `{\"message\": \"This action is unauthorized.\"}`.",
                    MESSAGE);
        }
        if (shape.identifiesRecord()) {
            put(responses, "404", "No such record in the caller's company (another company's record is not revealed).",
                    MESSAGE);
        }
        if (shape.readsBody()) {
            put(responses, "413", "The body is over 8 MB.", MESSAGE);
        }
        if (shape.readsBody() || shape.deletes()) {
            put(responses, "422", "Invalid body, or a removal refused while the record is in use: the first error "
                    + "(and how many more) as `message`, and every failing field's messages under `errors`, by dotted "
                    + "path (`variables.0.key`).", VALIDATION);
        }
        operation.setResponses(responses);
    }

    private static void put(ApiResponses responses, String status, String description, String schema) {
        if (responses.containsKey(status)) {
            return; // documented by the route itself
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ref(schema))))));
    }

    static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }
}
