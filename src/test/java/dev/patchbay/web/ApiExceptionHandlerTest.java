package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/connectors/12");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/connectors/{connector}");
        return request;
    }

    /** What the driver raises: PostgreSQL's structured fields (S severity, C SQLState, n constraint, M message). */
    private static DataIntegrityViolationException violation(String sqlState, String constraint, String message) {
        PSQLException database = new PSQLException(new ServerErrorMessage(
                "SERROR\0C" + sqlState + "\0M" + message + "\0" + (constraint == null ? "" : "n" + constraint + "\0")));
        return new DataIntegrityViolationException("PreparedStatementCallback; " + message, database);
    }

    @Test
    void shouldTurnAConstraintBrokenByAConcurrentChangeInto409WithoutItsDetails() {
        ResponseEntity<MessageBody> response = handler.constraintViolated(violation("23503",
                "connectors_connection_pool_id_fkey", "Key (connection_pool_id)=(42) is not present"), request());

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().message()).isEqualTo("The records changed while this request ran. Please try again.")
                .doesNotContain("connection_pool_id");
    }

    @Test
    void shouldTurnAUniqueViolationInto409() {
        assertThat(handler.constraintViolated(violation("23505", "users_email_unique", "Key (lower(email))=(a@b.test)"),
                request()).getStatusCode().value()).isEqualTo(409);
    }

    /** Neither a race nor a client's mistake: the service let through what the schema refuses. */
    @Test
    void shouldTurnEveryOtherConstraintInto500WithTheRequestIdAndLogNoValue(CapturedOutput output) {
        List<DataIntegrityViolationException> bugs = List.of(
                violation("23514", "systems_default_rate_limit_duration_check", "Failing row contains (hunter2-check)"),
                violation("23502", null, "null value in column \"name\"; Failing row contains (hunter2-not-null)"),
                violation("22001", null, "value too long for type character varying(20): hunter2-length"),
                violation("23503", "systems_system_type_id_fkey", "Key (system_type_id)=(hunter2-reference) is not present"),
                new DataIntegrityViolationException("no database error at all: hunter2-unknown"));
        MDC.put("requestId", "req-0815");
        try {
            for (DataIntegrityViolationException bug : bugs) {
                ResponseEntity<MessageBody> response = handler.constraintViolated(bug, request());

                assertThat(response.getStatusCode().value()).as(bug.getMessage()).isEqualTo(500);
                assertThat(response.getBody().message()).isEqualTo("Server Error (request req-0815).");
            }
        } finally {
            MDC.remove("requestId");
        }

        assertThat(output.getAll()).doesNotContain("hunter2").contains("req-0815")
                .contains("SQLState 23514, constraint systems_default_rate_limit_duration_check")
                .contains("PUT /api/v1/connectors/{connector}");
    }

    @Test
    void shouldNeverEchoAnUnexpectedExceptionsMessage() {
        ResponseEntity<MessageBody> response = handler.unexpected(new IllegalStateException("secret=hunter2"), request());

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().message()).isEqualTo("Server Error");
    }

    /** Messages and causes' messages may carry values (SQL parameters, decrypted secrets): the log gets a safe summary. */
    @Test
    void shouldLogTheClassesRouteAndRequestIdOfAnUnexpectedExceptionButNoMessage(CapturedOutput output) {
        MDC.put("requestId", "req-4711");
        try {
            handler.unexpected(new IllegalStateException("value=hunter2-outer",
                    new SQLException("Batch entry 0 UPDATE variables SET value = 'hunter2-inner'")), request());
        } finally {
            MDC.remove("requestId");
        }

        assertThat(output.getAll()).doesNotContain("hunter2")
                .contains("java.lang.IllegalStateException caused by java.sql.SQLException")
                .contains("PUT /api/v1/connectors/{connector}")
                .contains("req-4711")
                .contains("at dev.patchbay.web.ApiExceptionHandlerTest");
    }
}
