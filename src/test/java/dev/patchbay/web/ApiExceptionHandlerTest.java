package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

    @Test
    void shouldTurnAConstraintBrokenByAConcurrentChangeInto409WithoutItsDetails() {
        ResponseEntity<MessageBody> response = handler.conflict(new DataIntegrityViolationException(
                "insert or update on table connectors violates foreign key constraint; Key (connection_pool_id)=(42)"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().message()).isEqualTo("The records changed while this request ran. Please try again.")
                .doesNotContain("connection_pool_id");
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
