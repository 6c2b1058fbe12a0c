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
        // A filter that read the parameters of a broken query string fails before any controller runs.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
            var malformed = MalformedQuery.of(error);
            if (malformed.isPresent()) {
                return ResponseEntity.status(malformed.get().status()).body(new MessageBody(malformed.get().message()));
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        return ResponseEntity.status(status).body(new MessageBody(ErrorMessages.forStatus(status)));
    }
}
