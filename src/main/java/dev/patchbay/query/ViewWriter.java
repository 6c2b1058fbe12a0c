package dev.patchbay.query;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.BeanSerializer;
import tools.jackson.databind.ser.PropertyWriter;
import tools.jackson.databind.ser.UnrolledBeanSerializer;
import tools.jackson.databind.ser.bean.BeanSerializerBase;
import tools.jackson.databind.ser.jackson.RawSerializer;
import tools.jackson.databind.ser.jdk.BooleanSerializer;
import tools.jackson.databind.ser.jdk.NumberSerializers;
import tools.jackson.databind.ser.jdk.StringSerializer;

/**
 * Writes the fields of a view record (without braces) as Jackson's bean serializer writes them, but reads
 * them through accessors generated once per view class ({@link LambdaMetafactory}) rather than through
 * Jackson's property writers, which call each accessor by a non-constant {@code MethodHandle} and box its
 * value: that was the largest single cost of writing a deep page (10% of its samples, docs/performance.md).
 *
 * <p>Jackson still decides everything about the output: the properties, their order and names are its
 * bean serializer's, and a value is written here only where Jackson's own serializer for it is one of the
 * plain ones whose whole work is one generator call (strings, numbers, booleans, {@code @JsonRawValue},
 * nested records of the same kind). Anything else (a null, which Jackson writes with its null serializer,
 * or any other type or serializer) is handed to Jackson's property writer as before. A view class that
 * Jackson writes with more than plain properties (filters, object ids, views, inclusion rules) gets no
 * writer here at all ({@link #of} answers null), and Jackson writes it whole.
 */
final class ViewWriter {

    /** Classes whose serializer writes no more than the generator call below for their kind. */
    private static final Set<Class<?>> PLAIN_BEANS = Set.of(
            BeanSerializer.class, UnrolledBeanSerializer.class);

    private final Field[] fields;

    private ViewWriter(Field[] fields) {
        this.fields = fields;
    }

    /**
     * The writer for a class that {@code serializer} (Jackson's bean serializer for it, plain or unwrapping)
     * writes, or null when Jackson must write it itself.
     */
    static ViewWriter of(Class<?> viewClass, ValueSerializer<?> serializer) {
        if (!(serializer instanceof BeanSerializerBase) || serializer.usesObjectId()
                || viewClass.isAnnotationPresent(JsonFilter.class) || viewClass.isAnnotationPresent(JsonInclude.class)) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        Iterator<PropertyWriter> properties = serializer.properties();
        while (properties.hasNext()) {
            PropertyWriter property = properties.next();
            if (property.getClass() != BeanPropertyWriter.class) {
                return null; // unwrapped, virtual or any-getter properties: Jackson's
            }
            BeanPropertyWriter writer = (BeanPropertyWriter) property;
            // (a property's views matter only under an active view, which the callers leave to Jackson)
            if (writer.getTypeSerializer() != null || writer.willSuppressNulls()
                    || writer.getAnnotation(JsonInclude.class) != null) {
                return null;
            }
            fields.add(field(viewClass, writer));
        }
        return new ViewWriter(fields.toArray(Field[]::new));
    }

    /** Writes the view's fields into the object the generator has open. */
    void writeFields(Object view, JsonGenerator gen, SerializationContext ctxt) {
        for (Field field : fields) {
            field.write(view, gen, ctxt);
        }
    }

    /** The properties this writer leaves to Jackson's property writers whatever their value (for tests). */
    List<String> leftToJackson() {
        return Arrays.stream(fields).filter(JacksonField.class::isInstance)
                .map(field -> ((JacksonField) field).writer().getName()).toList();
    }

    private static Field field(Class<?> viewClass, BeanPropertyWriter writer) {
        if (!(writer.getMember().getMember() instanceof Method accessor) || accessor.getParameterCount() != 0
                || !accessor.getDeclaringClass().isAssignableFrom(viewClass)) {
            return new JacksonField(writer);
        }
        Class<?> type = accessor.getReturnType();
        ValueSerializer<Object> serializer = writer.hasSerializer() ? writer.getSerializer() : null;
        Class<?> kind = serializer == null ? null : serializer.getClass();
        SerializableString name = writer.getSerializedName();
        try {
            if (type == long.class && kind == NumberSerializers.LongSerializer.class) {
                return new LongField(name, accessor(accessor, ToLongFunction.class, "applyAsLong", long.class));
            }
            if (type == int.class && kind == NumberSerializers.IntegerSerializer.class) {
                return new IntField(name, accessor(accessor, ToIntFunction.class, "applyAsInt", int.class));
            }
            if (type == boolean.class && kind == BooleanSerializer.class) {
                return new BooleanField(name, accessor(accessor, Predicate.class, "test", boolean.class));
            }
            if (type.isPrimitive()) {
                return new JacksonField(writer);
            }
            Function<Object, Object> read = accessor(accessor, Function.class, "apply", Object.class);
            if (type == String.class && kind == StringSerializer.class) {
                return new StringField(writer, read);
            }
            if (type == String.class && kind == RawSerializer.class) {
                return new RawField(writer, read);
            }
            if ((type == Long.class && kind == NumberSerializers.LongSerializer.class)
                    || (type == Integer.class && kind == NumberSerializers.IntegerSerializer.class)) {
                return new NumberField(writer, read);
            }
            if (type.isRecord() && kind != null && PLAIN_BEANS.contains(kind)) {
                ViewWriter nested = of(type, serializer);
                if (nested != null) {
                    return new ObjectField(writer, read, nested);
                }
            }
        } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException | SecurityException e) {
            // no generated accessor (e.g. a class this module may not read): Jackson reads it as before
        }
        return new JacksonField(writer);
    }

    /** An instance of {@code function} calling {@code accessor} on its argument, as fast as a direct call. */
    @SuppressWarnings("unchecked")
    private static <F> F accessor(Method accessor, Class<? super F> function, String method, Class<?> returns)
            throws ReflectiveOperationException {
        Class<?> owner = accessor.getDeclaringClass();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
        MethodHandle getter = lookup.unreflect(accessor);
        try {
            return (F) LambdaMetafactory.metafactory(lookup, method, MethodType.methodType(function),
                            MethodType.methodType(returns, Object.class), getter,
                            MethodType.methodType(returns == Object.class ? accessor.getReturnType() : returns, owner))
                    .getTarget().invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalArgumentException("no accessor for " + accessor, e);
        }
    }

    /** One property of the view and how it is written. */
    private interface Field {
        void write(Object view, JsonGenerator gen, SerializationContext ctxt);
    }

    private record LongField(SerializableString name, ToLongFunction<Object> read) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeName(name);
            gen.writeNumber(read.applyAsLong(view));
        }
    }

    private record IntField(SerializableString name, ToIntFunction<Object> read) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeName(name);
            gen.writeNumber(read.applyAsInt(view));
        }
    }

    private record BooleanField(SerializableString name, Predicate<Object> read) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeName(name);
            gen.writeBoolean(read.test(view));
        }
    }

    /** A string; a null goes to Jackson, which writes it with its null serializer. */
    private record StringField(BeanPropertyWriter writer, Function<Object, Object> read) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            Object value = read.apply(view);
            if (value == null) {
                writeWithJackson(writer, view, gen, ctxt);
            } else {
                gen.writeName(writer.getSerializedName());
                gen.writeString((String) value);
            }
        }
    }

    /** A {@code @JsonRawValue} string: JSON written as it is. */
    private record RawField(BeanPropertyWriter writer, Function<Object, Object> read) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            Object value = read.apply(view);
            if (value == null) {
                writeWithJackson(writer, view, gen, ctxt);
            } else {
                gen.writeName(writer.getSerializedName());
                gen.writeRawValue(value.toString());
            }
        }
    }

    /** A {@code Long} or an {@code Integer}. */
    private record NumberField(BeanPropertyWriter writer, Function<Object, Object> read) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            Object value = read.apply(view);
            if (value == null) {
                writeWithJackson(writer, view, gen, ctxt);
            } else {
                gen.writeName(writer.getSerializedName());
                if (value instanceof Long number) {
                    gen.writeNumber(number.longValue());
                } else {
                    gen.writeNumber(((Integer) value).intValue());
                }
            }
        }
    }

    /** A nested record (a connector's system summary, a variable's pivot), written as Jackson's bean serializer does. */
    private record ObjectField(BeanPropertyWriter writer, Function<Object, Object> read, ViewWriter nested) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            Object value = read.apply(view);
            if (value == null || ctxt.getActiveView() != null) {
                writeWithJackson(writer, view, gen, ctxt);
            } else {
                gen.writeName(writer.getSerializedName());
                gen.writeStartObject(value);
                nested.writeFields(value, gen, ctxt);
                gen.writeEndObject();
            }
        }
    }

    private record JacksonField(BeanPropertyWriter writer) implements Field {
        @Override
        public void write(Object view, JsonGenerator gen, SerializationContext ctxt) {
            writeWithJackson(writer, view, gen, ctxt);
        }
    }

    private static void writeWithJackson(BeanPropertyWriter writer, Object view, JsonGenerator gen, SerializationContext ctxt) {
        try {
            writer.serializeAsProperty(view, gen, ctxt);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not write " + writer.getName(), e);
        }
    }
}
