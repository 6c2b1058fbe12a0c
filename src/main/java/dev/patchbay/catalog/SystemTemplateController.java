package dev.patchbay.catalog;

import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.Page;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.QueryParser;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MaybeCompany;
import dev.patchbay.web.PageEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketplace ({@code /api/v1/system-templates}): browse definitions, import one (platform
 * administrators), install one into the caller's company.
 */
@RestController
@RequestMapping("/api/v1/system-templates")
@ApiResource(view = SystemTemplateView.class, query = SystemTemplateResource.class)
class SystemTemplateController {

    record InstallRequest(String mode, Long systemId) {}

    record InstallationView(long systemId, boolean created, String systemTemplateVersion,
            List<CatalogLookup.AuthenticationImplementationRef> authenticationImplementations) {}

    private final SystemTemplateQueries queries;
    private final Marketplace marketplace;
    private final Installer installer;
    private final CatalogLookup lookup;

    SystemTemplateController(SystemTemplateQueries queries, Marketplace marketplace, Installer installer, CatalogLookup lookup) {
        this.queries = queries;
        this.marketplace = marketplace;
        this.installer = installer;
        this.lookup = lookup;
    }

    @GetMapping
    PageEnvelope<Node> list(MaybeCompany company, HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), SystemTemplateResource.QUERY);
        Page page = queries.list(company.id(), query);
        return page.toEnvelope(query);
    }

    @GetMapping("/{template}")
    DataEnvelope<Node> get(MaybeCompany company, @PathVariable("template") long id, HttpServletRequest request) {
        return DataEnvelope.of(queries.get(company.id(), id,
                QueryParser.parseIncludes(request.getParameterMap(), SystemTemplateResource.QUERY)));
    }

    /** The body is a connector definition file, as documented in docs/connector-definitions.md. */
    @PostMapping
    ResponseEntity<DataEnvelope<Node>> importDefinition(MaybeCompany company, @RequestBody String definition) {
        long id = marketplace.importDefinition(definition);
        return ResponseEntity.status(HttpStatus.CREATED).body(DataEnvelope.of(queries.get(company.id(), id,
                QueryParser.parseIncludes(java.util.Map.of(), SystemTemplateResource.QUERY)
                        .with("authenticationImplementationTemplates"))));
    }

    @PostMapping("/{template}/install")
    ResponseEntity<DataEnvelope<InstallationView>> install(CurrentCompany company, @PathVariable("template") long id,
            @RequestBody(required = false) InstallRequest request) {
        Installer.Installation installation = installer.install(company.id(), id, mode(request),
                request == null ? null : request.systemId());
        InstallationView view = new InstallationView(installation.systemId(), installation.created(), installation.version(),
                lookup.authenticationImplementationsOf(company.id(), installation.systemId()));
        return ResponseEntity.status(installation.created() ? HttpStatus.CREATED : HttpStatus.OK).body(DataEnvelope.of(view));
    }

    private static Installer.Mode mode(InstallRequest request) {
        return Installer.Mode.of(request == null ? null : request.mode());
    }
}
