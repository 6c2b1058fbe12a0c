package dev.patchbay.web;

import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads every request body of the API into its record, the one way for all routes (the
 * {@code @RequestBody} converter and the builder's JSON bodies both come here). Scalars follow
 * Laravel's rules ({@link LaravelScalars}), and a field of the wrong JSON type does not stop the
 * reading: it is noted in Laravel's words ("The rate limit duration field must be an integer."),
 * left out, and the rest is read, so that one 422 can name every failing field.
 *
 * <p>How: Jackson binds the tree; when it fails, the exception names the path of the bad value,
 * which is removed from the tree, and binding starts again. Each round removes one node, so it ends.
 * The type errors then go with the body to its validator ({@link CheckedBody}), or are thrown at
 * once with the body's Bean Validation.
 */
@Component
public class JsonBody {

    private final JsonMapper json;
    private final Validator validator;

    JsonBody(JsonMapper json, Validator validator) {
        this.json = json.rebuild().addModule(LaravelScalars.module()).build();
        this.validator = validator;
    }

    public <T> T read(JsonNode body, Class<T> type) {
        return type.cast(read(body, json.constructType(type)));
    }

    /** The current values with every field present in {@code changes} replaced by the sent one, read like a body. */
    public <T> T merge(T current, JsonNode changes, Class<T> type) {
        ObjectNode merged = json.valueToTree(current);
        object(changes).properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        return read(merged, type);
    }

    Object read(JsonNode body, JavaType type) {
        ObjectNode tree = object(body).deepCopy();
        ObjectReader reader = json.readerFor(type);
        FieldErrors errors = new FieldErrors();
        while (true) {
            try {
                Object value = reader.readValue(tree);
                if (!errors.isEmpty()) {
                    report(errors, value, type.getRawClass());
                }
                return value;
            } catch (DatabindException e) {
                List<DatabindException.Reference> path = e.getPath();
                String field = apiPath(path);
                errors.refuse(field.isEmpty() ? "body" : field, expected(e));
                if (field.isEmpty() || !remove(tree, path)) {
                    throw errors.toException();
                }
            }
        }
    }

    private void report(FieldErrors typeErrors, Object value, Class<?> type) {
        if (type.isAnnotationPresent(CheckedBody.class)) {
            DeferredTypeErrors.keep(typeErrors);
        } else {
            throw Violations.into(typeErrors, validator.validate(value)).toException();
        }
    }

    private static ObjectNode object(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw ValidationFailedException.of("body", "The request body must be a JSON object.");
    }

    /** Removes the value at {@code path}: an object's member goes (absent), an array's element becomes null (indices stay). */
    private static boolean remove(JsonNode tree, List<DatabindException.Reference> path) {
        JsonNode parent = tree;
        for (int i = 0; i < path.size() - 1 && parent != null; i++) {
            parent = step(parent, path.get(i));
        }
        DatabindException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getPropertyName() != null && object.has(last.getPropertyName())) {
            object.remove(last.getPropertyName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), array.nullNode());
            return true;
        }
        return false;
    }

    private static JsonNode step(JsonNode node, DatabindException.Reference ref) {
        return ref.getPropertyName() != null ? node.get(ref.getPropertyName()) : node.get(ref.getIndex());
    }

    static String apiPath(List<DatabindException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    /** What a mistyped body field should have been, in the validation messages' words. */
    static String expected(DatabindException e) {
        if (e instanceof LaravelScalars.Refused refused) {
            return refused.predicate();
        }
        Class<?> type = e instanceof MismatchedInputException input ? input.getTargetType() : null;
        if (type == null) {
            return "field has the wrong type.";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return LaravelScalars.INTEGER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return LaravelScalars.BOOLEAN;
        }
        if (type == String.class) {
            return LaravelScalars.STRING;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "field must be an array.";
        }
        return Number.class.isAssignableFrom(type) ? "field must be a number." : "field must be an object.";
    }
}
