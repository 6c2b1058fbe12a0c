package dev.patchbay.outbound;

import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    OutboundController(CredentialCheck check, OutboundRequests requests) {
        this.check = check;
        this.requests = requests;
    }

    @PostMapping("/test")
    TestBody test(CurrentCompany company, @PathVariable("connector") long connectorId) {
        CheckResult result = check.test(company.id(), connectorId);
        return new TestBody(result.message(), result);
    }

    @PostMapping("/requests")
    DataEnvelope<CallResult> send(CurrentCompany company, @PathVariable("connector") long connectorId,
            @RequestBody(required = false) JsonNode body) {
        return DataEnvelope.of(requests.send(company.id(), connectorId, body));
    }
}
