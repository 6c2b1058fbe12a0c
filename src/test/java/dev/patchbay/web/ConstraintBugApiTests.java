package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.catalog.SystemWriter;
import dev.patchbay.catalog.SystemWriter.SystemColumns;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A constraint that no race explains is a bug, and is answered as one: 500 with the request id, the
 * log line carrying that id and no value. The bug is played by a test-only route that writes through the
 * real catalog writer what validation would have refused.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(ConstraintBugApiTests.BuggyRoute.class)
class ConstraintBugApiTests extends ApiTest {

    private static final String VALUE = "hunter2-in-a-column";

    /** Writes a system through the real writer with one column the schema refuses, beside a recognisable value. */
    @RestController
    static class BuggyRoute {

        private final SystemWriter systems;

        BuggyRoute(SystemWriter systems) {
            this.systems = systems;
        }

        @Transactional
        @PostMapping("/api/v1/test-only/broken-systems/{constraint}")
        void write(CurrentCompany company, @PathVariable("constraint") String constraint) {
            boolean check = "check".equals(constraint);
            systems.insert(company.id(), new SystemColumns(check ? VALUE : null, VALUE, "broken_" + constraint, 4L, "HTTP",
                    null, null, null, null, check ? 0 : 60, "minute", "Y-m-d H:i:s", null, null, null, null));
        }
    }

    private Response broken(Tenant tenant, String constraint, String requestId) {
        return api.send("POST", "/api/v1/test-only/broken-systems/" + constraint, tenant.apiKey(), null,
                Map.of("X-Request-Id", requestId));
    }

    @Test
    void shouldAnswerACheckOrNotNullViolationWith500AndTheRequestIdAndLogNoValue(CapturedOutput output) {
        Tenant tenant = data.company();

        Response check = broken(tenant, "check", "bug-check-4711");
        Response notNull = broken(tenant, "not-null", "bug-not-null-4712");

        assertThat(check.status()).as(check.toString()).isEqualTo(500);
        assertThat(check.body()).isEqualTo("{\"message\":\"Server Error (request bug-check-4711).\"}");
        assertThat(notNull.status()).as(notNull.toString()).isEqualTo(500);
        assertThat(notNull.body()).isEqualTo("{\"message\":\"Server Error (request bug-not-null-4712).\"}");
        assertThat(output.getAll())
                .contains("SQLState 23514, constraint systems_default_rate_limit_duration_check")
                .contains("bug-check-4711")
                .contains("SQLState 23502")
                .contains("bug-not-null-4712")
                .doesNotContain(VALUE);
        assertThat(data.jdbc().sql("SELECT count(*) FROM systems WHERE company_id = :c AND canonical_key LIKE 'broken%'")
                .param("c", tenant.id()).query(Long.class).single()).isZero();
    }
}
