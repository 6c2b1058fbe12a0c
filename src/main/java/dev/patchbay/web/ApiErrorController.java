package dev.patchbay.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside a controller (the servlet container, a filter) in the contract's
 * {@code {"message"}} shape instead of the framework's default body; never a stack trace.
 */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<MessageBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = switch (status) {
            case NOT_FOUND -> "Not Found.";
            case UNAUTHORIZED -> "Unauthenticated.";
            case FORBIDDEN -> "This action is unauthorized.";
            case INTERNAL_SERVER_ERROR -> "Server Error";
            default -> status.getReasonPhrase() + ".";
        };
        return ResponseEntity.status(status).body(new MessageBody(message));
    }
}
