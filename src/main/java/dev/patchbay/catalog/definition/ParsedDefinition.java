package dev.patchbay.catalog.definition;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The outcome of reading one definition: the definition and its JSON when valid, the problems otherwise. */
public record ParsedDefinition(String file, ConnectorDefinition definition, JsonNode json, List<DefinitionProblem> problems) {

    public boolean valid() {
        return problems.isEmpty();
    }
}
