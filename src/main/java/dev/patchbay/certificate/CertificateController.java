package dev.patchbay.certificate;

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

/** {@code /api/v1/certificates}: client certificates for mutual TLS. Content and passphrase go in, never out. */
@RestController
@RequestMapping("/api/v1/certificates")
@ApiResource(view = CertificateView.class, query = CertificateResource.class)
class CertificateController {

    private final CertificateService service;
    private final CertificateReads reads;

    CertificateController(CertificateService service, CertificateReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), CertificateResource.QUERY);
        Page page = reads.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{certificate}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("certificate") long id, HttpServletRequest request) {
        IncludeTree includes = QueryParser.parseIncludes(request.getParameterMap(), CertificateResource.QUERY);
        return DataEnvelope.of(reads.get(company.id(), id, includes));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> upload(CurrentCompany company, @RequestBody CertificateRequest request) {
        long id = service.upload(company.id(), company.userId(), request);
        return DataEnvelope.of(reads.get(company.id(), id, IncludeTree.empty()));
    }

    @PutMapping("/{certificate}")
    DataEnvelope<Node> rename(CurrentCompany company, @PathVariable("certificate") long id, @RequestBody RenameRequest request) {
        service.rename(company.id(), id, request);
        return DataEnvelope.of(reads.get(company.id(), id, IncludeTree.empty()));
    }

    @DeleteMapping("/{certificate}")
    MessageBody delete(CurrentCompany company, @PathVariable("certificate") long id) {
        service.delete(company.id(), id);
        return new MessageBody("Certificate deleted.");
    }
}
