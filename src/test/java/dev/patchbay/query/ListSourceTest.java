package dev.patchbay.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.RowMapper;

/** A list source of company-owned records cannot be built without the tenant condition. */
class ListSourceTest {

    private static final RowMapper<Long> IDS = (rs, n) -> rs.getLong(1);

    private static ListSource<Long> source(String from) {
        return ListSource.of("SELECT c.id", from, "c.id", "connector", IDS, Relations.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FROM connectors c",
        "FROM connectors c WHERE TRUE",
        "FROM connectors c WHERE c.name = :company",
        "FROM connectors c WHERE c.company_id = :company OR TRUE",
        "FROM connectors c WHERE c.id > 0 OR c.company_id = :company",
        "FROM connectors c WHERE c.id IN (SELECT id FROM connectors WHERE company_id = :company)",
        "FROM connectors c WHERE c.company_id = :companyOther",
        "FROM connectors c WHERE c.company_id <> :company",
        "FROM connectors c WHERE c.name = 'c.company_id = :company'",
        "FROM connectors c WHERE c.company_id = :company UNION SELECT id FROM connectors",
        "FROM connectors c WHERE (c.company_id = :company"
    })
    void shouldRefuseASourceThatDoesNotScopeItsRowsToTheCompany(String from) {
        assertThatThrownBy(() -> source(from))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be scoped to the company")
                .hasMessageContaining(from);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FROM connection_pools p WHERE p.company_id = :company",
        "FROM connectors c JOIN systems s ON s.id = c.system_id OR s.id IS NULL WHERE c.company_id = :company",
        "FROM endpoints e WHERE e.deprecated_at IS NULL AND e.company_id = :company AND (e.name = 'a' OR e.name = 'b')",
        "from endpoints e where e.company_id=:company and e.id between 1 and 9"
    })
    void shouldAcceptASourceWhoseWhereHoldsTheTenantConditionAtItsTopLevel(String from) {
        assertThatCode(() -> source(from)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseACountWithoutJoinsThatDoesNotScopeItsRowsToTheCompany() {
        ListSource<Long> joined = source("FROM connectors c JOIN systems s ON s.id = c.system_id WHERE c.company_id = :company");

        assertThatThrownBy(() -> joined.countedWithoutJoinsOver("FROM connectors c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be scoped to the company");
        assertThat(joined.countedWithoutJoinsOver("FROM connectors c WHERE c.company_id = :company").countFrom())
                .isEqualTo("FROM connectors c WHERE c.company_id = :company");
        assertThat(joined.countFrom()).as("counted over its own FROM unless told otherwise").isEqualTo(joined.from());
    }

    @Test
    void shouldCountOverTheFullFromOnceAConditionIsAdded() {
        ListSource<Long> joined = source("FROM connectors c JOIN systems s ON s.id = c.system_id WHERE c.company_id = :company")
                .countedWithoutJoinsOver("FROM connectors c WHERE c.company_id = :company");

        ListSource<Long> narrowed = joined.where("s.canonical_key = 'shopify'");

        assertThat(narrowed.countFrom()).as("the condition may reach into the joined tables").isEqualTo(narrowed.from());
    }

    @Test
    void shouldRefuseAnExtraConditionThatWouldEscapeItsParentheses() {
        ListSource<Long> endpoints = ListSource.ofIds("endpoints", "e", "endpoint", (company, ids) -> ids, Relations.none());

        assertThat(endpoints.from()).isEqualTo("FROM endpoints e WHERE e.company_id = :company");
        assertThat(endpoints.where("e.system_id = :system").from())
                .isEqualTo("FROM endpoints e WHERE e.company_id = :company AND (e.system_id = :system)");
        assertThatThrownBy(() -> endpoints.where("e.system_id = :system) OR (TRUE"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetSharedDataBeDeclaredWithoutATenantCondition() {
        assertThatCode(() -> ListSource.shared("SELECT id, name", "FROM system_types WHERE TRUE", "id", "system type",
                (rs, n) -> rs.getString(2), Relations.none())).doesNotThrowAnyException();
    }
}
