package dev.patchbay.web;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of the API: writes as Spring Boot's does, and reads the {@code @RequestBody}
 * records of the application through {@link JsonBody}, so they follow Laravel's scalar rules and
 * report every mistyped field. Other types (a {@code JsonNode}, a framework type) are read as usual.
 */
class JsonBodyConverter extends JacksonJsonHttpMessageConverter {

    private static final ResolvableType TREE = ResolvableType.forClass(JsonNode.class);

    private final JsonBody body;

    JsonBodyConverter(JsonMapper json, JsonBody body) {
        super(json);
        this.body = body;
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
            throws IOException, HttpMessageNotReadableException {
        Class<?> target = type.toClass();
        if (!target.getPackageName().startsWith("dev.patchbay")) {
            return super.read(type, input, hints);
        }
        // Malformed JSON and the size limit surface here, from the plain tree read, as before.
        JsonNode tree = (JsonNode) super.read(TREE, input, hints);
        return body.read(tree, getMapper().constructType(type.getType()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After Spring Boot's own customizer (order 0), so this converter takes the JSON place. */
        @Bean
        @Order(1)
        ServerHttpMessageConvertersCustomizer jsonBodyConverter(JsonMapper json, JsonBody body) {
            return converters -> converters.withJsonConverter(new JsonBodyConverter(json, body));
        }
    }
}
