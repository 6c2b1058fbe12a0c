package dev.patchbay.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keyed queries against the real schema: several in one round trip, each answering its own rows by key. */
class KeyedQueryTests extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void shouldAnswerSeveralQueriesInOneRoundTripEachWithItsRowsByKey() {
        Tenant tenant = data.company();
        List<Long> systems = data.jdbc().sql("SELECT id FROM systems WHERE company_id = :c ORDER BY id")
                .param("c", tenant.id()).query(Long.class).list();
        List<Long> types = data.jdbc().sql("SELECT DISTINCT system_type_id FROM systems WHERE company_id = :c ORDER BY 1")
                .param("c", tenant.id()).query(Long.class).list();
        assertThat(systems).hasSizeGreaterThan(1);
        KeyedQuery names = KeyedQuery.of(jdbc, "SELECT id AS k, name FROM systems WHERE company_id = :company AND id = ANY(:ids)",
                rs -> rs.getString("name"));
        KeyedQuery typeNames = KeyedQuery.of(jdbc, "SELECT id AS k, name FROM system_types WHERE id = ANY(:ids)",
                rs -> rs.getString("name"));
        long missing = 999_999_999L;

        long roundTrips = queries.count();
        long statements = queries.statements();
        List<Map<Long, List<?>>> results = KeyedQuery.runAll(tenant.id(), List.of(
                new KeyedQuery.Load(names, List.of(systems.get(0), systems.get(1), missing)),
                new KeyedQuery.Load(typeNames, types)));

        assertThat(queries.count() - roundTrips).as("round trips").isEqualTo(1);
        assertThat(queries.statements() - statements).as("statements").isEqualTo(2);
        assertThat(results.get(0)).containsOnlyKeys(systems.get(0), systems.get(1));
        assertThat(results.get(0).get(systems.get(0))).isEqualTo(List.of(nameOfSystem(systems.get(0))));
        assertThat(results.get(1)).containsOnlyKeys(types);
        assertThat(results.get(1).get(types.get(0))).isEqualTo(List.of(data.jdbc()
                .sql("SELECT name FROM system_types WHERE id = :id").param("id", types.get(0)).query(String.class).single()));
    }

    @Test
    void shouldNeverAnswerAnotherCompanysRows() {
        Tenant mine = data.company();
        Tenant theirs = data.company();
        long theirSystem = data.jdbc().sql("SELECT min(id) FROM systems WHERE company_id = :c")
                .param("c", theirs.id()).query(Long.class).single();
        KeyedQuery names = KeyedQuery.of(jdbc, "SELECT id AS k, name FROM systems WHERE company_id = :company AND id = ANY(:ids)",
                rs -> rs.getString("name"));

        assertThat(names.load(mine.id(), List.of(theirSystem))).isEmpty();
        assertThat(names.load(theirs.id(), List.of(theirSystem))).containsOnlyKeys(theirSystem);
    }

    @Test
    void shouldRefuseAtStartupWhatCannotBeSentBesideOtherQueries() {
        assertThatThrownBy(() -> KeyedQuery.of(jdbc, "SELECT id AS k FROM systems WHERE id = ANY(:ids); SELECT 1", rs -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one statement");
        assertThatThrownBy(() -> KeyedQuery.of(jdbc, "SELECT id AS k FROM systems WHERE company_id = :company", rs -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":ids");
        assertThatThrownBy(() -> KeyedQuery.of(jdbc, "SELECT id AS k FROM systems WHERE id = ANY(:ids) AND name = :name",
                rs -> 1)).hasMessageContaining("name");
    }

    private String nameOfSystem(long id) {
        return data.jdbc().sql("SELECT name FROM systems WHERE id = :id").param("id", id).query(String.class).single();
    }
}
