package dev.patchbay.builder.variable;

import dev.patchbay.openapi.ApiBody;
import dev.patchbay.openapi.ApiResource;
import dev.patchbay.query.Node;
import dev.patchbay.variable.VariableView;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MessageBody;
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
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/variables}: templates of authentication implementations and endpoints. A connector's
 * own variables belong to {@code /api/v1/connectors} and are not found here.
 */
@RestController
@RequestMapping("/api/v1/variables")
@ApiResource(view = VariableView.class, adds = VariableTemplates.OwnerIds.class, name = "VariableTemplate")
class VariableController {

    private final VariableTemplates templates;

    VariableController(VariableTemplates templates) {
        this.templates = templates;
    }

    @PostMapping
    @ApiBody(VariableInput.class)
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<Node> create(CurrentCompany company, @RequestBody JsonNode body) {
        return DataEnvelope.of(templates.get(company.id(), templates.create(company.id(), body)));
    }

    @GetMapping("/{variable}")
    DataEnvelope<Node> get(CurrentCompany company, @PathVariable("variable") long id) {
        return DataEnvelope.of(templates.get(company.id(), id));
    }

    @PutMapping("/{variable}")
    @ApiBody(VariableInput.class)
    DataEnvelope<Node> update(CurrentCompany company, @PathVariable("variable") long id, @RequestBody JsonNode body) {
        templates.update(company.id(), id, body);
        return DataEnvelope.of(templates.get(company.id(), id));
    }

    @DeleteMapping("/{variable}")
    MessageBody delete(CurrentCompany company, @PathVariable("variable") long id) {
        templates.delete(company.id(), id);
        return new MessageBody("Variable deleted.");
    }
}
