package dev.patchbay.pool;

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

/** {@code /api/v1/connection-pools}: a company's concurrency limits shared by the connectors assigned to them. */
@RestController
@RequestMapping("/api/v1/connection-pools")
@ApiResource(view = PoolView.class, query = PoolResource.class)
class PoolController {

    private final PoolService service;
    private final PoolReads reads;

    PoolController(PoolService service, PoolReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), PoolResource.QUERY);
        Page page = reads.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{pool}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("pool") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), PoolResource.QUERY);
        return DataEnvelope.of(reads.get(company.id(), id, includes));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody PoolRequest request) {
        long id = service.create(company.id(), request);
        return DataEnvelope.of(reads.get(company.id(), id, IncludeTree.empty()));
    }

    @PutMapping("/{pool}")
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("pool") long id, @RequestBody PoolRequest request) {
        service.update(company.id(), id, request);
        return DataEnvelope.of(reads.get(company.id(), id, IncludeTree.empty()));
    }

    @DeleteMapping("/{pool}")
    MessageBody delete(CurrentCompany company, @PathVariable("pool") long id) {
        service.delete(company.id(), id);
        return new MessageBody("Connection pool deleted.");
    }
}
