package dev.patchbay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a start, PostgreSQL has statistics for every table, the small catalog tables the migrations seed
 * included. Autovacuum would never analyze those (it waits for 50 changed rows), and without statistics the
 * planner guessed their sizes and sorted a company's every connector to answer one page of the list.
 */
class PlannerStatisticsTests extends ApiTest {

    @Test
    void shouldHaveAnalyzedEveryTableOnStart() {
        List<String> neverAnalyzed = data.jdbc()
                .sql("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NULL AND last_autoanalyze IS NULL "
                        + "AND schemaname = current_schema() ORDER BY relname")
                .query(String.class).list();

        assertThat(neverAnalyzed).as("tables without planner statistics").isEmpty();
        assertThat(data.jdbc().sql("SELECT reltuples FROM pg_class WHERE oid = 'systems'::regclass")
                        .query(Float.class).single())
                .as("the planner's count of the seeded systems (-1 means it never counted them)")
                .isPositive();
    }
}
