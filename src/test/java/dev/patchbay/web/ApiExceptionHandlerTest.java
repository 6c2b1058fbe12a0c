package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

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
        ResponseEntity<MessageBody> response = handler.unexpected(new IllegalStateException("secret=hunter2"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().message()).isEqualTo("Server Error");
    }
}
