package dev.patchbay.builder.variable;

import dev.patchbay.openapi.ApiBody;
import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.Page;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.QueryParser;
import dev.patchbay.variable.VariableView;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.PageEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/authentication-implementations/{id}/variables}: list and add an implementation's templates. */
@RestController
@RequestMapping("/api/v1/authentication-implementations/{implementation}/variables")
@ApiResource(view = VariableView.class, query = VariableTemplates.class, adds = VariableTemplates.OwnerIds.class,
        name = "VariableTemplate")
class ImplementationVariablesController {

    private final VariableTemplates templates;

    ImplementationVariablesController(VariableTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    PageEnvelope<Node> list(CurrentCompany company, @PathVariable("implementation") long implementationId,
            HttpServletRequest request) {
        QueryParams query = QueryParser.parse(request.getParameterMap(), VariableTemplates.QUERY);
        Page page = templates.listOfImplementation(company.id(), implementationId, query);
        return page.toEnvelope(query);
    }

    @PostMapping
    @ApiBody(VariableInput.class)
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @PathVariable("implementation") long implementationId,
            @RequestBody JsonNode body) {
        long id = templates.createForImplementation(company.id(), implementationId, body);
        return DataEnvelope.of(templates.get(company.id(), id));
    }
}
