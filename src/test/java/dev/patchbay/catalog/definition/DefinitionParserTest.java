package dev.patchbay.catalog.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DefinitionParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DefinitionParser parser = new DefinitionParser();

    static List<Resource> shipped() throws IOException {
        return Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath:definitions/*.json"));
    }

    static Stream<String> shippedNames() throws IOException {
        return shipped().stream().map(Resource::getFilename);
    }

    private static String read(String name) throws IOException {
        return new PathMatchingResourcePatternResolver().getResource("classpath:definitions/" + name)
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldShipAtLeastTenRealSystemsPlusTheGenericRestApiAndTheSandbox() throws IOException {
        assertThat(shippedNames().toList()).hasSizeGreaterThanOrEqualTo(12).contains("sandbox.json", "rest_api.json",
                "shopify.json", "woocommerce.json", "bigcommerce.json", "magento2.json", "hubspot.json", "stripe.json",
                "zendesk.json", "netsuite.json", "commercetools.json", "xero.json");
    }

    @ParameterizedTest
    @MethodSource("shippedNames")
    void shouldLoadAndValidateEveryShippedDefinition(String name) throws IOException {
        ParsedDefinition parsed = parser.parse(name, read(name));

        assertThat(parsed.problems()).as(name).isEmpty();
        assertThat(parsed.definition().key() + ".json").isEqualTo(name);
        assertThat(parsed.definition().authentications()).allSatisfy(a -> assertThat(a.testRequest().path()).isNotBlank());
    }

    @Test
    void shouldCoverEveryAuthenticationTypeTheCatalogPromises() throws IOException {
        List<String> types = shippedNames().flatMap(name -> {
            try {
                return parser.parse(name, read(name)).definition().authentications().stream().map(a -> a.type());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().toList();
        assertThat(types).contains("none", "basic", "token", "oauth1", "oauth2_client_credentials", "oauth2_authorization_code");
    }

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                broken("syntax error", null, "line 1, column", "is not valid JSON"),
                broken("missing system name", d -> ((ObjectNode) d.get("system")).remove("name"), "$.system.name", "required"),
                broken("misspelt property", d -> ((ObjectNode) d).put("sytem", "x"), "$.sytem", "not defined"),
                broken("wrong type", d -> ((ObjectNode) d.at("/system/default_rate_limit")).put("amount", "two"),
                        "$.system.default_rate_limit.amount", "integer"),
                broken("unknown authentication type", d -> auth(d).put("type", "magic"), "$.authentications[0].type", "magic"),
                broken("token type without a header or query", d -> auth(d).remove("headers"), "$.authentications[0]", "headers"),
                broken("bad key", d -> ((ObjectNode) d).put("key", "Shop ify"), "$.key", "pattern"),
                broken("duplicate authentication key", d -> ((ArrayNode) d.get("authentications")).add(auth(d).deepCopy()),
                        "$.authentications[1].key", "duplicates the key `access_token`"),
                broken("duplicate variable key", d -> ((ArrayNode) auth(d).get("variables")).add(auth(d).get("variables").get(0)),
                        "$.authentications[0].variables[3].key", "duplicates the variable key `shop`"),
                broken("unknown endpoint reference", d -> auth(d).putArray("endpoints").add("get_nothing"),
                        "$.authentications[0].endpoints[0]", "get_nothing"),
                broken("placeholder without a variable", d -> ((ObjectNode) auth(d).get("headers")).put("X-Extra", "{{missing}}"),
                        "$.authentications[0]", "{{missing}}"),
                broken("base URL placeholder without a variable", d -> ((ObjectNode) d.get("system")).put("base_url",
                        "https://{{store}}.example.com"), "$.system.base_url", "{{store}}"),
                broken("unknown date format token", d -> ((ObjectNode) d.get("system")).put("default_date_format", "Y-m-d Q"),
                        "$.system.default_date_format", "`Q`"));
    }

    private static ObjectNode auth(JsonNode definition) {
        return (ObjectNode) definition.get("authentications").get(0);
    }

    private static Arguments broken(String name, Consumer<JsonNode> change, String path, String message) {
        return Arguments.of(name, change, path, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefinitions")
    void shouldNameTheFileThePathAndTheProblem(String name, Consumer<JsonNode> change, String path, String message)
            throws IOException {
        String text;
        if (change == null) {
            text = "{\"key\": \"shopify\",, }";
        } else {
            JsonNode definition = JSON.readTree(read("shopify.json"));
            change.accept(definition);
            text = definition.toString();
        }

        ParsedDefinition parsed = parser.parse("broken.json", text);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).as(parsed.problems().toString())
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("broken.json");
                    assertThat(problem.path()).startsWith(path);
                    assertThat(problem.message()).contains(message);
                    assertThat(problem.toString()).startsWith("broken.json: " + problem.path() + ": ");
                });
    }

    @Test
    void shouldTurnJsonPathsIntoTheApisDottedFieldNames() {
        assertThat(new DefinitionProblem("f", "$.authentications[0].variables[12].key", "m").dottedPath())
                .isEqualTo("authentications.0.variables.12.key");
        assertThat(new DefinitionProblem("f", "$", "m").dottedPath()).isEqualTo("definition");
    }
}
