package dev.patchbay.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The document and Swagger UI are public, and adding them leaves the API's JSON-only errors alone. */
class ApiDocsTests extends ApiTest {

    @LocalServerPort
    private int port;

    @Test
    void shouldServeTheOpenApiDocumentWithoutAuthentication() throws Exception {
        Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("application/json");
        assertThat(docs.at("/openapi").asString()).startsWith("3.0");
        assertThat(docs.at("/paths/~1api~1v1~1connectors/get").isObject()).isTrue();
    }

    @Test
    void shouldServeSwaggerUiAtDocsWithoutAuthentication() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        for (String path : List.of("/docs", "/docs/")) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("swagger-ui");
        }
    }

    @Test
    void shouldStillAnswerJsonForUnknownPathsAndMissingCredentials() {
        Response unknownGroup = api.get("/v3/api-docs/no-such-group", null);
        Response unknownPage = api.get("/docs/no-such-page", null);
        Response unauthenticated = api.get("/api/v1/connectors", null);

        for (Response response : List.of(unknownGroup, unknownPage)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
            assertThat(response.at("/message").asString()).isNotBlank();
        }
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.at("/message").asString()).isEqualTo("Unauthenticated.");
    }

    @Test
    void shouldDocumentTheQueryLanguageAndErrorsFromTheDeclarations() {
        Response docs = api.get("/v3/api-docs", null);
        JsonNode list = docs.at("/paths/~1api~1v1~1connection-pools/get");
        JsonNode one = docs.at("/paths/~1api~1v1~1connection-pools~1{pool}/get");

        assertThat(names(list)).containsExactly("include", "filter[name]", "sort", "page", "per_page");
        assertThat(list.at("/parameters/4/schema/maximum").asInt()).isEqualTo(100);
        assertThat(names(one)).containsExactly("pool", "include");
        assertThat(one.at("/responses/404/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/MessageBody");
        assertThat(docs.at("/paths/~1api~1v1~1connection-pools/post/responses/422/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/ValidationErrorBody");
        assertThat(docs.at("/paths/~1api~1v1~1connection-pools/post/responses").has("413")).isTrue();
        assertThat(docs.at("/paths/~1fabric~1api~1login/post/security").isEmpty()).isTrue();
        assertThat(docs.at("/paths/~1fabric~1api~1login/post/responses").has("403")).isFalse();
        // No generic "Node" left: every resource response names its own fields.
        assertThat(docs.at("/components/schemas").has("Node")).isFalse();
        assertThat(docs.at("/components/schemas/Pool/properties/connectors_count/type").asString()).isEqualTo("integer");
        // A pool's live load, beside its stored fields.
        String usage = docs.at("/components/schemas/Pool/properties/usage/$ref").asString();
        assertThat(usage).isEqualTo("#/components/schemas/PoolUsageView");
        assertThat(docs.at("/components/schemas/PoolUsageView/properties/in_flight/type").asString()).isEqualTo("integer");
        assertThat(docs.at("/components/schemas/PoolUsageView/properties/waiting/type").asString()).isEqualTo("integer");
    }

    private static List<String> names(JsonNode operation) {
        return operation.path("parameters").valueStream().map(p -> p.get("name").asString()).toList();
    }
}
