package dev.patchbay.openapi;

import dev.patchbay.query.ResourceQuery;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named schemas for the document's components: records resolved by the generator (with the
 * application's snake_case names), and the resource schemas of {@link ApiResource}: a view's fields,
 * the fields a route adds, and one optional property per declared include.
 */
final class ResourceSchemas {

    private final ModelConverters converters;
    private final Map<String, Schema<?>> components = new LinkedHashMap<>();

    ResourceSchemas(ModelConverters converters) {
        this.converters = converters;
    }

    /** Resolves a record (and every type it refers to) into the components; answers its name. */
    synchronized String record(Class<?> type) {
        Map<String, Schema> resolved = converters.readAll(type);
        resolved.forEach(components::putIfAbsent);
        return converters.read(type).keySet().iterator().next();
    }

    /** The schema of a resource's {@code data}: its view, added fields and includes; answers its name. */
    synchronized String resource(ApiResource declared, ResourceQuery query) {
        String name = declared.name().isEmpty() ? declared.view().getSimpleName().replaceFirst("View$", "") : declared.name();
        if (components.containsKey(name)) {
            return name;
        }
        Schema<Object> schema = new ObjectSchema();
        copyProperties(declared.view(), schema);
        if (declared.adds() != void.class) {
            copyProperties(declared.adds(), schema);
        }
        if (query != null) {
            for (String include : query.includeNames()) {
                if (!include.contains(".")) {
                    schema.addProperty(jsonName(include), included(include));
                }
            }
        }
        components.put(name, schema);
        return name;
    }

    /** {@code {"data": X}} for one resource, or Laravel's page of them. */
    synchronized String envelope(String resource, boolean page) {
        String name = resource + (page ? "List" : "Response");
        if (components.containsKey(name)) {
            return name;
        }
        Schema<Object> envelope = new ObjectSchema();
        Schema<?> item = new Schema<>().$ref(ErrorResponses.ref(resource));
        if (page) {
            envelope.addProperty("data", new ArraySchema().items(item));
            envelope.addProperty("links", new Schema<>().$ref(ErrorResponses.ref("PaginationLinks")));
            envelope.addProperty("meta", new Schema<>().$ref(ErrorResponses.ref("PaginationMeta")));
        } else {
            envelope.addProperty("data", item);
        }
        components.put(name, envelope);
        return name;
    }

    /** A record under another name than its class's (when the simple name says too little). */
    synchronized void recordAs(Class<?> type, String name) {
        if (!components.containsKey(name)) {
            Schema<?> schema = converters.read(type).values().iterator().next();
            components.put(name, schema);
        }
    }

    synchronized Map<String, Schema<?>> components() {
        return Map.copyOf(components);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void copyProperties(Class<?> type, Schema<Object> into) {
        String name = record(type);
        Schema<?> source = components.get(name);
        if (source.getProperties() != null) {
            source.getProperties().forEach((property, schema) -> into.addProperty(property, (Schema) schema));
        }
        if (source.getRequired() != null) {
            source.getRequired().forEach(into::addRequiredItem);
        }
    }

    /**
     * An included relation: a list for a has-many relation, one record (or null) otherwise. Relations
     * are named as Laravel names them, and as every relation here is declared: plural for many.
     */
    private static Schema<?> included(String include) {
        if (include.endsWith("_count")) {
            return new IntegerSchema().description("With `include=" + include + "`: how many there are.");
        }
        if (include.endsWith("Exists")) {
            return new BooleanSchema().description("With `include=" + include + "`: whether there is at least one.");
        }
        String description = "With `include=" + include + "` (or a nested path starting with it).";
        if (include.endsWith("s")) {
            return new ArraySchema().items(new ObjectSchema()).description(description);
        }
        return new ObjectSchema().nullable(true).description(description);
    }

    /** The JSON name of an include: {@code authenticationImplementation} → {@code authentication_implementation}. */
    static String jsonName(String include) {
        String base = include.endsWith("Exists") ? include.substring(0, include.length() - "Exists".length()) + "_exists"
                : include;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
