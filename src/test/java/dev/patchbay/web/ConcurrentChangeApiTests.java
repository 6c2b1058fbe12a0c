package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.HeldTransaction;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The race the 409 is for, produced for real: a request checks that its parent exists and inserts a
 * child, while another transaction deletes that parent. PostgreSQL makes the insert's foreign-key check
 * wait for the delete; once the delete commits, the constraint refuses the insert.
 */
class ConcurrentChangeApiTests extends ApiTest {

    @Autowired
    private DataSource dataSource;

    private long emptySystem(Tenant tenant) {
        Response created = api.post("/api/v1/systems", tenant.apiKey(), Map.of("name", "Acme ERP", "canonical_key",
                "acme_erp", "system_type_id", 4));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    @Test
    void shouldAnswer409WhenTheParentIsDeletedWhileAChildIsCreated() throws Exception {
        Tenant tenant = data.company();
        long system = emptySystem(tenant);
        Map<String, Object> implementation = Map.of("system_id", system, "authentication_type_id", 3, "name", "API key",
                "settings", Map.of("headers", Map.of("X-Api-Key", "{{api_key}}")),
                "variables", List.of(Map.of("key", "api_key", "label", "API key", "value", "s3cret-value", "secret", true)));

        Response created;
        try (HeldTransaction delete = HeldTransaction.begin(dataSource)) {
            assertThat(delete.execute("DELETE FROM systems WHERE id = ?", system)).isEqualTo(1);
            CompletableFuture<Response> request = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/authentication-implementations", tenant.apiKey(), implementation));
            delete.awaitBlocked(dataSource);
            delete.commit();
            created = request.get();
        }

        assertThat(created.status()).as(created.toString()).isEqualTo(409);
        assertThat(created.body()).isEqualTo("{\"message\":\"The records changed while this request ran. Please try again.\"}");
        assertThat(data.jdbc().sql("SELECT count(*) FROM authentication_implementations WHERE system_id = :s")
                .param("s", system).query(Long.class).single()).isZero();
        assertThat(data.jdbc().sql("SELECT count(*) FROM variables WHERE company_id = :c AND key = 'api_key' "
                        + "AND authentication_implementation_id NOT IN (:known)")
                .param("c", tenant.id())
                .param("known", List.of(tenant.catalog().sandboxTokenAuthId(), tenant.catalog().shopifyTokenAuthId(),
                        tenant.catalog().restBasicAuthId(), tenant.catalog().restNoAuthId()))
                .query(Long.class).single()).isZero();
    }

    /** The handler recognises these keys by name: a migration that renames one must rename it there too. */
    @Test
    void shouldNameReferenceDataKeysThatTheSchemaHas() {
        assertThat(data.jdbc().sql("SELECT conname FROM pg_constraint WHERE contype = 'f' AND conname IN (:names)")
                .param("names", ConstraintViolation.REFERENCE_DATA_KEYS).query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(ConstraintViolation.REFERENCE_DATA_KEYS);
    }
}
