package dev.patchbay.outbound.async;

import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An asynchronous request's state and, once it has run, its result. */
@RestController
class AsyncRequestController {

    private final AsyncRequests requests;

    AsyncRequestController(AsyncRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/requests/{request}")
    DataEnvelope<AsyncRequestView> show(CurrentCompany company, @PathVariable("request") long id) {
        return DataEnvelope.of(requests.find(company.id(), id));
    }
}
