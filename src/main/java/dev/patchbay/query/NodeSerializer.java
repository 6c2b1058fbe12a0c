package dev.patchbay.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;
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
 * did the same again per element. Here the view's unwrapping serializer is found once per view class, and
 * the values the include engine puts (nodes, lists of nodes, null, counts, flags) are written directly;
 * anything else goes to Jackson as before.
 *
 * <p>One instance serves one mapper's serializer cache (Jackson creates it from the annotation on
 * {@code Node}), so the view serializers it keeps are that mapper's, as Jackson's own cache would keep them.
 */
final class NodeSerializer extends StdSerializer<Node> {

    /** View class → its serializer writing the fields without braces; as many entries as view record types. */
    private final Map<Class<?>, ValueSerializer<Object>> unwrapped = new ConcurrentHashMap<>();

    NodeSerializer() {
        super(Node.class);
    }

    @Override
    public void serialize(Node node, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeStartObject(node);
        Object view = node.getView();
        if (view != null) {
            ValueSerializer<Object> fields = unwrappedSerializer(view.getClass(), ctxt);
            if (!fields.isUnwrappingSerializer()) {
                // what Jackson does for a value it cannot unwrap (not a bean): it writes it under the property's name
                gen.writeName("view");
            }
            fields.serialize(view, gen, ctxt);
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

    private ValueSerializer<Object> unwrappedSerializer(Class<?> viewClass, SerializationContext ctxt) {
        ValueSerializer<Object> serializer = unwrapped.get(viewClass);
        if (serializer == null) {
            // as Jackson's unwrapping property writer does: the view's serializer, made unwrapping (no prefix or suffix)
            serializer = ctxt.findPrimaryPropertySerializer(viewClass, null).unwrappingSerializer(NameTransformer.NOP);
            unwrapped.put(viewClass, serializer);
        }
        return serializer;
    }
}
