package dev.patchbay.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.web.BadQueryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static final ResourceQuery THINGS = ResourceQuery.forResource("things", "t.id")
            .includesWithCountAndExists(List.of("parts"))
            .includes(List.of("parts.maker", "parts.maker.logo"))
            .filter("colour", "t.colour IN (:values)", ResourceQuery.ValueType.TEXT)
            .filter("owner", "t.owner_id IN (:values)", ResourceQuery.ValueType.ID)
            .sort("name", "t.name");

    private static QueryParams parse(Map<String, String> query) {
        Map<String, String[]> raw = new java.util.HashMap<>();
        query.forEach((k, v) -> raw.put(k, new String[] {v}));
        return QueryParser.parse(raw, THINGS);
    }

    @Test
    void shouldApplyDefaults() {
        QueryParams params = parse(Map.of());
        assertThat(params.page()).isEqualTo(1);
        assertThat(params.perPage()).isEqualTo(15);
        assertThat(params.orderBy()).isEqualTo("t.id");
        assertThat(params.conditions()).isEmpty();
        assertThat(params.includes().isEmpty()).isTrue();
    }

    @Test
    void shouldLoadEveryPrefixOfANestedInclude() {
        IncludeTree tree = parse(Map.of("include", "parts.maker.logo,parts_count,partsExists")).includes();
        assertThat(tree.relations()).containsOnlyKeys("parts");
        assertThat(tree.relations().get("parts").relations()).containsOnlyKeys("maker");
        assertThat(tree.relations().get("parts").relations().get("maker").relations()).containsOnlyKeys("logo");
        assertThat(tree.counts()).containsExactly("parts");
        assertThat(tree.exists()).containsExactly("parts");
    }

    @Test
    void shouldTurnFiltersIntoParameterisedConditionsWithAnyOfTheValues() {
        QueryParams params = parse(Map.of("filter[colour]", "red, blue", "filter[owner]", "3,4"));
        assertThat(params.conditions()).hasSize(2).allSatisfy(c -> assertThat(c).doesNotContain("red"));
        assertThat(params.parameters().values()).containsExactlyInAnyOrder(List.of("red", "blue"), List.of(3L, 4L));
    }

    @Test
    void shouldSortByDeclaredColumnsWithIdAsTieBreaker() {
        assertThat(parse(Map.of("sort", "-name")).orderBy()).isEqualTo("t.name DESC, t.id");
        assertThat(parse(Map.of("sort", "name")).orderBy()).isEqualTo("t.name ASC, t.id");
    }

    @Test
    void shouldNameTheBadValueAndTheAllowedOnes() {
        assertThatThrownBy(() -> parse(Map.of("include", "parts,secrets"))).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("`secrets`").hasMessageContaining("parts.maker.logo");
        assertThatThrownBy(() -> parse(Map.of("filter[size]", "1"))).hasMessageContaining("`size`")
                .hasMessageContaining("colour, owner");
        assertThatThrownBy(() -> parse(Map.of("sort", "-colour"))).hasMessageContaining("`-colour`")
                .hasMessageContaining("`name`");
        assertThatThrownBy(() -> parse(Map.of("filter[owner]", "me"))).hasMessageContaining("`me`");
    }

    @Test
    void shouldRefusePagesOutOfRange() {
        assertThatThrownBy(() -> parse(Map.of("per_page", "0"))).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> parse(Map.of("per_page", "101"))).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> parse(Map.of("page", "0"))).hasMessageContaining("page");
        assertThatThrownBy(() -> parse(Map.of("page", "two"))).hasMessageContaining("`two`");
        assertThat(parse(Map.of("page", "3", "per_page", "100")).offset()).isEqualTo(200);
    }

    @Test
    void shouldNeverPutFilterValuesIntoSql() {
        QueryParams params = parse(Map.of("filter[colour]", "x') OR 1=1 --"));
        assertThat(params.andConditions()).doesNotContain("OR 1=1");
    }
}
