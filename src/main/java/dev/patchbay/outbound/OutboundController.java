package dev.patchbay.outbound;

import dev.patchbay.outbound.async.AsyncRequestView;
import dev.patchbay.outbound.async.AsyncRequests;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.DetailedErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The contract's credential test and requests through a connector. */
@RestController
@RequestMapping("/api/v1/connectors/{connector}")
class OutboundController {

    /** The test route's success body: {@code {"message", "data": {success, request, response, duration_ms}}}. */
    record TestBody(String message, CheckResult data) {}

    private final CredentialCheck check;
    private final OutboundRequests requests;
    private final ConnectorUsage usage;
    private final AsyncRequests asyncRequests;

    OutboundController(CredentialCheck check, OutboundRequests requests, ConnectorUsage usage, AsyncRequests asyncRequests) {
        this.check = check;
        this.requests = requests;
        this.usage = usage;
        this.asyncRequests = asyncRequests;
    }

    /** The live state of the connector's rate limit (what started in the window, what waits) and its pool. */
    @GetMapping("/usage")
    DataEnvelope<ConnectorUsage.Usage> usage(CurrentCompany company, @PathVariable("connector") long connectorId) {
        return DataEnvelope.of(usage.of(company.id(), connectorId));
    }

    @PostMapping("/test")
    @ApiResponse(responseCode = "200", description = "The credentials work: what was sent (secrets masked) and what came back.",
            content = @Content(schema = @Schema(implementation = TestBody.class)))
    @ApiResponse(responseCode = "422", description = "The credentials did not pass: `errors.credentials` says why "
            + "(\"The system answered 401 Unauthorized; expected 200 OK.\"), and `data` holds what was sent (secrets "
            + "masked) and what came back (`response` null when nothing did).",
            content = @Content(schema = @Schema(implementation = DetailedErrorBody.class)))
    TestBody test(CurrentCompany company, @PathVariable("connector") long connectorId) {
        CheckResult result = check.test(company.id(), connectorId);
        return new TestBody(result.message(), result);
    }

    @PostMapping("/requests")
    @ApiResponse(responseCode = "200", description = "The system answered, whatever its status: the request as sent "
            + "(secrets masked), the response, and the timing.", content = @Content(schema = @Schema(implementation = CallResult.class)))
    @ApiResponse(responseCode = "422", description = "An invalid body, a request that cannot be built, a refused target "
            + "(`Patchbay-Error: target_refused`) or refused credentials; nothing was sent.",
            content = @Content(schema = @Schema(implementation = DetailedErrorBody.class)))
    @ApiResponse(responseCode = "502", description = "The system could not be reached (`Patchbay-Error: upstream_unreachable`).",
            content = @Content(schema = @Schema(implementation = DetailedErrorBody.class)))
    @ApiResponse(responseCode = "504", description = "The system did not answer in time (`Patchbay-Error: upstream_timeout`).",
            content = @Content(schema = @Schema(implementation = DetailedErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "The connector's rate limit or connection pool would make the request "
            + "wait longer than `Prefer: wait=<seconds>` allows (default 30 s): nothing was sent. `Retry-After`, "
            + "`Patchbay-Error: rate_limited` or `pool_timeout`, and `{\"message\", \"queue_position\"}`.",
            content = @Content(schema = @Schema(implementation = DetailedErrorBody.class)))
    @ApiResponse(responseCode = "202", description = "With `Prefer: respond-async`: the request passed the same checks "
            + "and is queued (`Preference-Applied: respond-async`); `Location` is where its result will be, "
            + "`/api/v1/requests/{id}`.", content = @Content(schema = @Schema(implementation = AsyncRequestView.class)))
    ResponseEntity<DataEnvelope<?>> send(CurrentCompany company, @PathVariable("connector") long connectorId,
            @RequestHeader(value = "Prefer", required = false) String prefer,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) JsonNode body) {
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        if (Preferences.respondAsync(prefer)) {
            AsyncRequestView queued = asyncRequests.submit(company.id(), connectorId, body, keyed);
            return ResponseEntity.accepted().location(URI.create("/api/v1/requests/" + queued.id()))
                    .header("Preference-Applied", "respond-async").body(DataEnvelope.of(queued));
        }
        return ResponseEntity.ok(DataEnvelope.of(requests.send(company.id(), connectorId, body,
                Preferences.waitSeconds(prefer), keyed)));
    }
}
