package dev.patchbay.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ViewWriter} reads a view's fields through generated accessors; what it writes must be exactly what
 * Jackson's bean path writes for the same node, for every kind of field a view has (and the odd ones it
 * leaves to Jackson), with the application's naming (snake_case).
 */
class ViewWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final JsonMapper BEAN_PATH = MAPPER.rebuild().addMixIn(Node.class, JacksonBeanPath.class).build();

    /** Takes Node's own serializer away, leaving Jackson's bean path over its annotations. */
    @JsonSerialize(using = ValueSerializer.None.class)
    private abstract static class JacksonBeanPath {}

    record Inner(String alias, boolean required, Long ownerId) {}

    /** Every kind of property the views have, and a list and an ignored field, which stay Jackson's. */
    record Everything(long id, int duration, boolean secret, String name, Long poolId, Integer timeout,
            @JsonRawValue String settings, Inner pivot, List<String> tags, @JsonIgnore long hidden, double ratio) {}

    /** Jackson writes this class alone: an inclusion rule is more than the writer does. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(long id, String name) {}

    private static final List<Everything> VALUES = List.of(
            new Everything(Long.MAX_VALUE, Integer.MIN_VALUE, true, "Plain", 42L, 30, "{\"a\":[1,2]}",
                    new Inner("x", true, 7L), List.of("a", "b"), 9, 0.5),
            new Everything(-1, 0, false, "Quotes \" and \\ and \n and \u0001 and é and 😀 and </script>", null, null, null,
                    null, null, 0, -0.0),
            new Everything(0, 1, false, "", 0L, 0, "null", new Inner(null, false, null), List.of(), 1, 1e300));

    @Test
    void shouldWriteEveryKindOfFieldAsJacksonsBeanPathDoes() {
        for (Everything value : VALUES) {
            Node node = new Node(value).put("children", List.of(new Node(value.pivot() == null ? new Inner("i", false, 1L) : value.pivot())))
                    .put("children_count", 1).put("parent", null);
            assertSameAsBeanPath(node);
        }
        assertSameAsBeanPath(VALUES.stream().map(Node::new).toList());
    }

    @Test
    void shouldLeaveToJacksonOnlyWhatItCannotWriteItself() {
        ViewWriter writer = writerFor(Everything.class);

        assertThat(writer).isNotNull();
        assertThat(writer.leftToJackson()).containsExactly("tags", "ratio");
        assertThat(writerFor(Inner.class).leftToJackson()).isEmpty();
    }

    @Test
    void shouldLeaveAClassWithInclusionRulesToJackson() {
        assertThat(writerFor(Sparse.class)).isNull();
        assertSameAsBeanPath(new Node(new Sparse(1, null)).put("other", new Node(new Sparse(2, "two"))));
    }

    private static ViewWriter writerFor(Class<?> type) {
        SerializationContext ctxt = MAPPER._serializationContext();
        return ViewWriter.of(type, ctxt.findPrimaryPropertySerializer(type, null));
    }

    private static void assertSameAsBeanPath(Object value) {
        String expected = BEAN_PATH.writeValueAsString(value);
        assertThat(MAPPER.writeValueAsString(value)).isEqualTo(expected);
        assertThat(new String(MAPPER.writeValueAsBytes(value), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value))
                .isEqualTo(BEAN_PATH.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }
}
