package dev.patchbay.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.MaybeCompany;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /docs}): springdoc reads the
 * controllers; this adds what their signatures cannot say, in the contract's terms: the two
 * security schemes, snake_case property names, and (through {@link ApiDocumentation}) the query
 * language and the error bodies.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String API_KEY = "ApiKeyAuth";
    static final String BEARER = "BearerAuth";

    static {
        // Resolved from the security context, never sent by a client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentCompany.class, MaybeCompany.class);
        // Free-form JSON (settings, schemas) in bodies read with Jackson 3, which the generator's Jackson 2 cannot introspect.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new ObjectSchema());
    }

    /** People type the address with a trailing slash as often as without: both open Swagger UI. */
    @Bean
    WebMvcConfigurer docsWithTrailingSlash() {
        return new WebMvcConfigurer() {
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController("/docs/", "/docs");
            }
        };
    }

    @Bean
    OpenAPI patchbayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Patchbay API").version("v1").description("""
                        Connector instances (the API's *connectors*) for an integration platform, behind the \
                        Patchworks Core API contract. JSON in and out; a resource is wrapped as `{"data": …}`, \
                        a list adds `links` and `meta`. Authenticate with a company API key, raw, in the \
                        `Authorization` header, or with `Authorization: Bearer <token>` from `POST /fabric/api/login`."""))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("Authorization")
                                .description("A company API key, sent as it is, without a prefix: `Authorization: <api-key>`."))
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A login token from `POST /fabric/api/login`, valid for 24 hours.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Property names as the API writes them: the application's JSON is snake_case
     * ({@code spring.jackson.property-naming-strategy}), but the generator introspects types with
     * its own Jackson 2 mapper, which does not read that setting. A copy, so that the document
     * itself is still written with the OpenAPI names ({@code operationId}, {@code requestBody}).
     */
    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers) {
        ObjectMapper mapper = mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return new ModelResolver(mapper);
    }

    /** Built after the resolver above is registered, so that the schemas it reads are snake_case too. */
    @Bean
    ApiDocumentation apiDocumentation(ModelResolver snakeCaseModelResolver, SpringDocConfigProperties properties) {
        return new ApiDocumentation(new ResourceSchemas(ModelConverters.getInstance(properties.isOpenapi31())));
    }
}
