package dev.patchbay.catalog.definition;

import dev.patchbay.catalog.definition.ConnectorDefinition.AuthenticationDef;
import dev.patchbay.catalog.definition.ConnectorDefinition.EndpointDef;
import dev.patchbay.catalog.definition.ConnectorDefinition.VariableDef;
import dev.patchbay.outbound.render.BuiltInPlaceholders;
import dev.patchbay.time.PhpDateFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a JSON Schema cannot say about a definition: keys unique within their list, endpoint
 * references that exist, a valid PHP date format, and every {@code {{placeholder}}} of the base URL
 * and of an authentication method naming one of that method's variables (else it would fail at run time).
 */
final class DefinitionRules {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DefinitionRules() {}

    static List<DefinitionProblem> check(String file, ConnectorDefinition definition) {
        List<DefinitionProblem> problems = new ArrayList<>();
        PhpDateFormat.problem(definition.system().defaultDateFormat()).ifPresent(problem ->
                problems.add(new DefinitionProblem(file, "$.system.default_date_format", problem)));
        Set<String> endpointKeys = new HashSet<>();
        for (int e = 0; e < definition.endpoints().size(); e++) {
            EndpointDef endpoint = definition.endpoints().get(e);
            String path = "$.endpoints[" + e + "]";
            if (!endpointKeys.add(endpoint.key())) {
                problems.add(new DefinitionProblem(file, path + ".key", "duplicates the key `" + endpoint.key() + "`"));
            }
            uniqueVariableKeys(file, path, endpoint.variables(), problems);
        }
        Set<String> authenticationKeys = new HashSet<>();
        for (int a = 0; a < definition.authentications().size(); a++) {
            AuthenticationDef authentication = definition.authentications().get(a);
            String path = "$.authentications[" + a + "]";
            if (!authenticationKeys.add(authentication.key())) {
                problems.add(new DefinitionProblem(file, path + ".key", "duplicates the key `" + authentication.key() + "`"));
            }
            uniqueVariableKeys(file, path, authentication.variables(), problems);
            List<String> linked = authentication.endpoints() == null ? List.of() : authentication.endpoints();
            for (int i = 0; i < linked.size(); i++) {
                if (!endpointKeys.contains(linked.get(i))) {
                    problems.add(new DefinitionProblem(file, path + ".endpoints[" + i + "]",
                            "names the endpoint `" + linked.get(i) + "`, which is not in $.endpoints"));
                }
            }
            Set<String> variables = new HashSet<>();
            authentication.variables().forEach(variable -> variables.add(variable.key()));
            placeholders(file, "$.system.base_url", definition.system().baseUrl(), variables, authentication.key(), problems);
            placeholders(file, path, settingsText(authentication), variables, authentication.key(), problems);
        }
        return problems;
    }

    private static void uniqueVariableKeys(String file, String owner, List<VariableDef> variables,
            List<DefinitionProblem> problems) {
        Set<String> keys = new HashSet<>();
        for (int v = 0; v < variables.size(); v++) {
            if (!keys.add(variables.get(v).key())) {
                problems.add(new DefinitionProblem(file, owner + ".variables[" + v + "].key",
                        "duplicates the variable key `" + variables.get(v).key() + "`"));
            }
        }
    }

    private static void placeholders(String file, String path, String text, Set<String> variables, String authentication,
            List<DefinitionProblem> problems) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!variables.contains(matcher.group(1)) && !BuiltInPlaceholders.isBuiltIn(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        for (String name : unknown) {
            problems.add(new DefinitionProblem(file, path, "uses {{" + name + "}}, but the authentication `" + authentication
                    + "` has no variable with that key"));
        }
    }

    /** Everything of a method that is sent: parameters, credentials, token and test requests. */
    private static String settingsText(AuthenticationDef a) {
        return JSON.writeValueAsString(new Object[] {a.headers(), a.query(), a.body(), a.basic(), a.oauth1(), a.oauth2(),
            a.tokenRequest(), a.testRequest()});
    }
}
