package dev.patchbay.query;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.core.json.WriterBasedJsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * Writes a {@link Node} exactly as Jackson writes its {@code @JsonUnwrapped} view and {@code @JsonAnyGetter}
 * includes, without Jackson's general path for them, which was the largest CPU cost of a deep page (a
 * 100-row page with every include is tens of thousands of nodes): per node, the unwrapped property looked
 * up the view's serializer through a dynamic map, the any-getter went through a map serializer that
 * looked up a key serializer and a serializer for every value's runtime class, and every list of children
 * did the same again per element. Here a view's fields are written by its {@link ViewWriter}, made once per
 * view class from Jackson's own bean serializer (or by that serializer, unwrapping, where Jackson must write
 * them), and the values the include engine puts (nodes, lists of nodes, null, counts, flags) are written
 * directly; anything else goes to Jackson as before.
 *
 * <p>A node that several parents hold (the include engine marks it: e.g. one authentication implementation
 * with its endpoints under 45 connectors) is written once per response and its bytes copied for the other
 * parents. That is only done when the copy is certain to equal a fresh write: a compact JSON generator
 * (no pretty printer, whose indentation depends on the depth) with the escapes of the write it serves.
 *
 * <p>One instance serves one mapper's serializer cache (Jackson creates it from the annotation on
 * {@code Node}), so the view serializers it keeps are that mapper's, as Jackson's own cache would keep them.
 */
final class NodeSerializer extends StdSerializer<Node> {

    /** Per-write attribute: shared node → its bytes, for the length of one {@code writeValue}. */
    private static final Object WRITTEN = NodeSerializer.class.getName() + ".written";

    /** View class → how its fields are written without braces; as many entries as view record types. */
    private final Map<Class<?>, Fields> fieldsByClass = new ConcurrentHashMap<>();

    /**
     * A view's fields: by its {@link ViewWriter} where it has one, else by Jackson's unwrapping bean serializer
     * (or, for a value Jackson cannot unwrap, under the name "view", as Jackson's unwrapping property writer does).
     */
    private record Fields(ViewWriter fast, ValueSerializer<Object> jackson) {}

    NodeSerializer() {
        super(Node.class);
    }

    @Override
    public void serialize(Node node, JsonGenerator gen, SerializationContext ctxt) {
        if (node.shared() && copiesAreExact(gen, ctxt)) {
            gen.writeRawValue(writtenOnce(node, gen, ctxt));
        } else {
            write(node, gen, ctxt);
        }
    }

    private void write(Node node, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeStartObject(node);
        Object view = node.getView();
        if (view != null) {
            Fields fields = fieldsOf(view.getClass(), ctxt);
            if (fields.fast() != null && ctxt.getActiveView() == null) {
                gen.assignCurrentValue(view); // as Jackson's unwrapping serializer does
                fields.fast().writeFields(view, gen, ctxt);
            } else {
                if (!fields.jackson().isUnwrappingSerializer()) {
                    // what Jackson does for a value it cannot unwrap (not a bean): it writes it under the property's name
                    gen.writeName("view");
                }
                fields.jackson().serialize(view, gen, ctxt);
            }
        }
        Map<String, Object> included = node.includedOrNull();
        if (included != null) {
            for (Map.Entry<String, Object> entry : included.entrySet()) {
                gen.writeName(entry.getKey());
                writeValue(entry.getValue(), gen, ctxt);
            }
        }
        gen.writeEndObject();
    }

    private void writeValue(Object value, JsonGenerator gen, SerializationContext ctxt) {
        if (value == null) {
            ctxt.defaultSerializeNullValue(gen);
        } else if (value instanceof Node child) {
            serialize(child, gen, ctxt);
        } else if (value instanceof List<?> list) {
            gen.writeStartArray(list, list.size());
            for (Object item : list) {
                writeValue(item, gen, ctxt);
            }
            gen.writeEndArray();
        } else if (value instanceof Integer count) {
            gen.writeNumber(count);
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else {
            ctxt.writeValue(gen, value);
        }
    }

    private static boolean copiesAreExact(JsonGenerator gen, SerializationContext ctxt) {
        return (gen instanceof UTF8JsonGenerator || gen instanceof WriterBasedJsonGenerator)
                && gen.getPrettyPrinter() == null && gen.getCharacterEscapes() == ctxt.getCharacterEscapes();
    }

    /** The node's JSON, written the first time it is met in this write by a generator like {@code gen}. */
    private SerializableString writtenOnce(Node node, JsonGenerator gen, SerializationContext ctxt) {
        @SuppressWarnings("unchecked")
        Map<Node, SerializableString> written = (Map<Node, SerializableString>) ctxt.getAttribute(WRITTEN);
        if (written == null) {
            written = new IdentityHashMap<>();
            ctxt.setAttribute(WRITTEN, written);
        }
        SerializableString json = written.get(node);
        if (json == null) {
            json = new SerializedString(writeApart(node, gen, ctxt));
            written.put(node, json);
        }
        return json;
    }

    /** The node alone, by a generator of the same kind as {@code gen} (bytes or characters) and the same settings. */
    private String writeApart(Node node, JsonGenerator gen, SerializationContext ctxt) {
        if (gen instanceof UTF8JsonGenerator) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            try (JsonGenerator apart = ctxt.createGenerator(bytes, JsonEncoding.UTF8)) {
                write(node, apart, ctxt);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
        StringWriter chars = new StringWriter(1024);
        try (JsonGenerator apart = ctxt.createGenerator(chars)) {
            write(node, apart, ctxt);
        }
        return chars.toString();
    }

    private Fields fieldsOf(Class<?> viewClass, SerializationContext ctxt) {
        Fields fields = fieldsByClass.get(viewClass);
        if (fields == null) {
            // as Jackson's unwrapping property writer does: the view's serializer, made unwrapping (no prefix or suffix)
            ValueSerializer<Object> serializer = ctxt.findPrimaryPropertySerializer(viewClass, null);
            ValueSerializer<Object> unwrapping = serializer.unwrappingSerializer(NameTransformer.NOP);
            fields = new Fields(unwrapping.isUnwrappingSerializer() ? ViewWriter.of(viewClass, serializer) : null, unwrapping);
            fieldsByClass.put(viewClass, fields);
        }
        return fields;
    }
}
