package dev.patchbay.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.HeldTransaction;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A variable template's owner deleted by another transaction while a request on the template runs: the
 * request read the template's owner before the delete committed and waits for the owner's row lock; when
 * it gets it, the owner and its templates are gone. That is a 404 for the template, not a 500.
 */
class VariableOwnerDeletedConcurrentlyTests extends ApiTest {

    @Autowired
    private DataSource dataSource;

    private long template(Tenant tenant, long implementation) {
        Response created = api.post("/api/v1/variables", tenant.apiKey(), Map.of("authentication_implementation_id",
                implementation, "key", "region", "label", "Region", "value", "eu"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    /** Starts the request while another transaction holds the owner's delete uncommitted, then commits that delete. */
    private Response whileOwnerIsDeleted(long implementation, Supplier<Response> request) throws Exception {
        try (HeldTransaction delete = HeldTransaction.begin(dataSource)) {
            assertThat(delete.execute("DELETE FROM authentication_implementations WHERE id = ?", implementation)).isEqualTo(1);
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            delete.awaitBlocked(dataSource);
            delete.commit();
            return response.get();
        }
    }

    private static void assertNotFound(Response response, long id) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.at("/message").asString()).isEqualTo("No query results for variable " + id + ".");
    }

    @Test
    void shouldAnswer404WhenTheOwnerIsDeletedWhileATemplateUpdateWaitsForIt() throws Exception {
        Tenant tenant = data.company();
        long implementation = tenant.catalog().restNoAuthId();
        long id = template(tenant, implementation);

        assertNotFound(whileOwnerIsDeleted(implementation,
                () -> api.put("/api/v1/variables/" + id, tenant.apiKey(), Map.of("label", "Changed", "value", "us"))), id);
        assertThat(data.jdbc().sql("SELECT count(*) FROM variables WHERE authentication_implementation_id = :a OR id = :id")
                .param("a", implementation).param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void shouldAnswer404WhenTheOwnerIsDeletedWhileATemplateDeleteWaitsForIt() throws Exception {
        Tenant tenant = data.company();
        long implementation = tenant.catalog().restNoAuthId();
        long id = template(tenant, implementation);

        assertNotFound(whileOwnerIsDeleted(implementation, () -> api.delete("/api/v1/variables/" + id, tenant.apiKey())), id);
    }
}
