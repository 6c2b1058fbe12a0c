package dev.patchbay.flow;

import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.QueryParser;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MessageBody;
import dev.patchbay.web.PageEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/process-flows}: a company's flows and their connector steps. */
@RestController
@RequestMapping("/api/v1/process-flows")
@ApiResource(view = ProcessFlowView.class, query = FlowResource.class)
class FlowController {

    private final FlowService service;
    private final FlowReads reads;

    FlowController(FlowService service, FlowReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), FlowResource.QUERY);
        Page page = reads.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{flow}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("flow") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), FlowResource.QUERY);
        return DataEnvelope.of(reads.get(company.id(), id, includes));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody FlowRequest request) {
        long id = service.create(company.id(), request);
        return DataEnvelope.of(reads.get(company.id(), id, IncludeTree.empty()));
    }

    @PutMapping("/{flow}")
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("flow") long id, @RequestBody FlowRequest request) {
        service.update(company.id(), id, request);
        return DataEnvelope.of(reads.get(company.id(), id, IncludeTree.empty()));
    }

    @DeleteMapping("/{flow}")
    MessageBody delete(CurrentCompany company, @PathVariable("flow") long id) {
        service.delete(company.id(), id);
        return new MessageBody("Process flow deleted.");
    }
}
