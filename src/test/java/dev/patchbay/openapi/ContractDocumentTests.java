package dev.patchbay.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated document against the contract's seed fragments ({@code shared/contract/*.json}):
 * every path, method, parameter, request field, required field, enum, response status and response
 * field of the contract is in the document with the same name and type. Where the fragments are
 * loose, the difference is named in {@link #DELIBERATE} with its reason; any other difference fails,
 * and so does a listed one that no longer occurs (the list stays true).
 */
class ContractDocumentTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the fragments live: {@code -Dcontract.dir=...}, else {@code ../shared/contract} beside the project. */
    static final String CONTRACT_DIR_PROPERTY = "contract.dir";

    private static final String LOOSE_ID = "the fragments type ids as string; ids are integers in the API";
    private static final String NOT_NULL_STRING = "the fragment types a relation as string; included, it is an object";
    private static final String VARIABLES = "the fragments type the variables as string; a client sends and gets an array "
            + "of variable objects (DESIGN §3)";
    private static final String TEMPLATES_FILL_IN = "the variables may be left out: the authentication implementation's "
            + "variable templates fill them in (README, Connectors)";

    private static final String ONE_RECORD = "a single GET reads includes only; the code accepts and checks the list "
            + "parameters there too, but they act on nothing, so the document lists them on the list route only";

    /** Each deliberate difference, as the comparison words it, with the reason. */
    private static final Map<String, String> DELIBERATE = new TreeMap<>(Map.ofEntries(
            // path identifiers
            Map.entry("GET /api/v1/connectors/{connector} parameter connector: string in the contract, integer here", LOOSE_ID),
            Map.entry("PUT /api/v1/connectors/{connector} parameter connector: string in the contract, integer here", LOOSE_ID),
            Map.entry("DELETE /api/v1/connectors/{connector} parameter connector: string in the contract, integer here",
                    LOOSE_ID),
            // the single GET's list parameters
            Map.entry("GET /api/v1/connectors/{connector} parameter filter[canonical_key]: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter filter[forSystemTemplate]: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter filter[system]: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter filter[system_template_id]: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter filter[forSession]: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter filter[platformSession]: missing", ONE_RECORD),
            Map.entry("POST /api/v1/connectors/{connector}/test parameter connector: string in the contract, integer here",
                    LOOSE_ID),
            Map.entry("GET /api/v1/connectors/{connector} parameter sort: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter page: missing", ONE_RECORD),
            Map.entry("GET /api/v1/connectors/{connector} parameter per_page: missing", ONE_RECORD),
            // request bodies
            Map.entry("POST /api/v1/connectors body.authentication_implementation_id: string in the contract, integer here",
                    LOOSE_ID),
            Map.entry("POST /api/v1/connectors body.certificate_id: string in the contract, integer here", LOOSE_ID),
            Map.entry("POST /api/v1/connectors body.variables: string in the contract, array here", VARIABLES),
            Map.entry("POST /api/v1/connectors body: variables required in the contract, optional here", TEMPLATES_FILL_IN),
            Map.entry("PUT /api/v1/connectors/{connector} body.authentication_implementation_id: string in the contract, "
                    + "integer here", LOOSE_ID),
            Map.entry("PUT /api/v1/connectors/{connector} body.variables: string in the contract, array here", VARIABLES),
            Map.entry("PUT /api/v1/connectors/{connector} body.variables[].id: string in the contract, integer here", LOOSE_ID),
            Map.entry("POST /api/v1/connector-instances body.authentication_implementation_template_id: string in the "
                    + "contract, integer here", LOOSE_ID),
            Map.entry("POST /api/v1/connector-instances body.variable_templates: string in the contract, array here",
                    VARIABLES),
            Map.entry("POST /api/v1/connector-instances body: variable_templates required in the contract, optional here",
                    TEMPLATES_FILL_IN),
            // responses
            Map.entry("POST /api/v1/connector-instances 200 data.authentication_implementation_template_id: string in the "
                    + "contract, integer here", LOOSE_ID),
            Map.entry("POST /api/v1/connector-instances 200 data.variable_templates: string in the contract, array here",
                    VARIABLES)));

    /** The connector responses, the same in every fragment that has them. */
    static {
        for (String operation : List.of("GET /api/v1/connectors 200 data[]", "GET /api/v1/connectors/{connector} 200 data",
                "POST /api/v1/connectors 200 data", "PUT /api/v1/connectors/{connector} 200 data")) {
            DELIBERATE.put(operation + ".authentication_implementation_id: string in the contract, integer here", LOOSE_ID);
            DELIBERATE.put(operation + ".certificate_id: string in the contract, integer here", LOOSE_ID);
            DELIBERATE.put(operation + ".variables: string in the contract, array here", VARIABLES);
            DELIBERATE.put(operation + ".system: string in the contract, object here", NOT_NULL_STRING);
            DELIBERATE.put(operation + ".certificate: string in the contract, object here", NOT_NULL_STRING);
            DELIBERATE.put(operation + ".authentication_implementation: array in the contract, object here",
                    "a connector has one authentication implementation; the fragment's array is a slip (its own "
                            + "`authentication_implementation_id` is singular)");
        }
    }

    /**
     * Contract routes that the service does not have yet: skipped while absent, compared as soon as
     * they exist (so an entry here never hides a difference).
     */
    private static final Map<String, String> NOT_YET_BUILT = Map.of();

    private JsonNode document;
    private final List<String> differences = new ArrayList<>();

    @BeforeEach
    void readDocument() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        document = docs.json();
    }

    @Test
    void shouldDocumentEveryContractOperationWithTheSameNamesAndTypes() throws IOException {
        List<Path> fragments = fragments();
        assertThat(fragments).as("contract fragments in %s", contractDir()).isNotEmpty();

        for (Path fragment : fragments) {
            JsonNode contract = JSON.readTree(fragment.toFile());
            compareSecuritySchemes(contract, fragment.getFileName().toString());
            for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    compareOperation(contract, method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            method.getValue());
                }
            }
        }

        Set<String> unexpected = new TreeSet<>(differences);
        unexpected.removeAll(DELIBERATE.keySet());
        Set<String> stale = new TreeSet<>(DELIBERATE.keySet());
        stale.removeAll(differences);
        assertThat(unexpected).as("differences from the contract that are not listed as deliberate").isEmpty();
        assertThat(stale).as("listed deliberate differences that no longer occur (remove them from the list)").isEmpty();
    }

    @Test
    void shouldListEveryIncludeAndSortTheContractNamesOnTheConnectorList() {
        JsonNode include = parameter(document.at("/paths/~1api~1v1~1connectors/get"), "include");
        JsonNode sort = parameter(document.at("/paths/~1api~1v1~1connectors/get"), "sort");

        // The contract's prose lists (its include parameter names a subset; the description all of them).
        for (String name : List.of("authenticationImplementation", "authenticationImplementation_count",
                "authenticationImplementationExists", "authenticationImplementation.system.systemType", "variables",
                "variables_count", "variablesExists", "authenticationImplementation.endpoints.variables", "certificate",
                "certificate_count", "certificateExists", "certificate.user")) {
            assertThat(include.get("description").asString()).contains("`" + name + "`");
        }
        assertThat(sort.get("description").asString()).contains("`name`");
    }

    // ---- comparison

    private void compareOperation(JsonNode contract, String method, String path, JsonNode expected) {
        String operation = method + " " + path;
        JsonNode actual = document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        if (actual.isMissingNode()) {
            if (NOT_YET_BUILT.containsKey(operation)) {
                return;
            }
            differences.add(operation + ": missing");
            return;
        }
        for (JsonNode expectedParameter : expected.path("parameters")) {
            String name = expectedParameter.get("name").asString();
            JsonNode actualParameter = parameter(actual, name);
            String where = operation + " parameter " + name;
            if (actualParameter == null) {
                differences.add(where + ": missing");
                continue;
            }
            if (!expectedParameter.get("in").equals(actualParameter.get("in"))) {
                differences.add(where + ": in " + expectedParameter.get("in") + ", not " + actualParameter.get("in"));
            }
            compareSchema(contract, expectedParameter.get("schema"), actualParameter.get("schema"), where);
            if (expectedParameter.path("required").asBoolean(false) != actualParameter.path("required").asBoolean(false)) {
                differences.add(where + ": required differs");
            }
        }
        JsonNode expectedBody = expected.path("requestBody").path("content").path("application/json").path("schema");
        if (!expectedBody.isMissingNode()) {
            JsonNode actualBody = actual.path("requestBody").path("content").path("application/json").path("schema");
            if (actualBody.isMissingNode()) {
                differences.add(operation + " body: missing");
            } else {
                compareSchema(contract, expectedBody, actualBody, operation + " body");
            }
        }
        for (Map.Entry<String, JsonNode> response : expected.path("responses").properties()) {
            String status = response.getKey();
            JsonNode actualResponse = actual.path("responses").path(status);
            if (actualResponse.isMissingNode()) {
                differences.add(operation + " " + status + ": missing");
                continue;
            }
            JsonNode expectedSchema = response.getValue().path("content").path("application/json").path("schema");
            if (!expectedSchema.isMissingNode()) {
                compareSchema(contract, expectedSchema,
                        actualResponse.path("content").path("application/json").path("schema"), operation + " " + status);
            }
        }
    }

    /** Names, types, required fields and enums; recursing into objects and array items. */
    private void compareSchema(JsonNode contract, JsonNode expectedRef, JsonNode actualRef, String where) {
        JsonNode expected = resolve(contract, expectedRef);
        JsonNode actual = resolve(document, actualRef);
        if (actual.isMissingNode()) {
            differences.add(where + ": no schema");
            return;
        }
        String expectedType = type(expected);
        String actualType = type(actual);
        if (!expectedType.equals(actualType)) {
            differences.add(where + ": " + expectedType + " in the contract, " + actualType + " here");
        }
        if (expected.has("enum") && !expected.get("enum").equals(actual.get("enum"))) {
            differences.add(where + ": enum " + expected.get("enum") + " in the contract, " + actual.get("enum") + " here");
        }
        for (JsonNode required : expected.path("required")) {
            if (!contains(actual.path("required"), required.asString())) {
                differences.add(where + ": " + required.asString() + " required in the contract, optional here");
            }
        }
        JsonNode properties = expected.path("properties");
        JsonNode itemsInContract = properties.path("*"); // the fragments' way to describe array items
        if (!itemsInContract.isMissingNode() || expected.has("items") && resolve(contract, expected.get("items")).has("properties")) {
            JsonNode expectedItems = itemsInContract.isMissingNode() ? expected.get("items") : itemsInContract;
            compareSchema(contract, expectedItems, actual.path("items"), where + "[]");
            return;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            JsonNode actualProperty = actual.path("properties").path(name);
            String at = where + (where.matches(".* \\d{3}") ? " " : ".") + name;
            if (actualProperty.isMissingNode()) {
                differences.add(at + ": missing");
                continue;
            }
            compareSchema(contract, property.getValue(), actualProperty, at);
        }
        if (expected.has("additionalProperties") && expected.get("additionalProperties").isObject()) {
            compareSchema(contract, expected.get("additionalProperties"), actual.path("additionalProperties"), where + "{}");
        }
    }

    private void compareSecuritySchemes(JsonNode contract, String fragment) {
        for (Map.Entry<String, JsonNode> scheme : contract.path("components").path("securitySchemes").properties()) {
            JsonNode actual = document.path("components").path("securitySchemes").path(scheme.getKey());
            for (String field : List.of("type", "in", "name", "scheme", "bearerFormat")) {
                if (!scheme.getValue().path(field).equals(actual.path(field))) {
                    differences.add(fragment + " security scheme " + scheme.getKey() + "." + field + " differs");
                }
            }
        }
        if (!contract.path("security").equals(document.path("security"))) {
            differences.add(fragment + " security requirements differ");
        }
    }

    // ---- helpers

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asString();
        }
        return schema.has("properties") ? "object" : "untyped";
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema == null ? JSON.missingNode() : schema;
        while (current.has("$ref")) {
            current = root.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        return null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static Path contractDir() {
        String configured = System.getProperty(CONTRACT_DIR_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().resolve("../shared/contract").normalize();
    }

    private static List<Path> fragments() throws IOException {
        Path dir = contractDir();
        assertThat(Files.isDirectory(dir))
                .as("The contract's OpenAPI fragments were not found at %s. They live in shared/contract beside the "
                        + "project directory (../shared/contract); point -D%s=<dir> at them when the checkout is elsewhere.",
                        dir, CONTRACT_DIR_PROPERTY)
                .isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }
}
