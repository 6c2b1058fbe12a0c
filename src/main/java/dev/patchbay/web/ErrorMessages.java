package dev.patchbay.web;

import org.springframework.http.HttpStatus;

/** The fixed sentences of error bodies that carry no details of their own, shared by the application and the container. */
final class ErrorMessages {

    static final String MALFORMED_REQUEST = "The request is malformed: its request line, a header or a percent escape"
            + " in its path is not valid HTTP.";

    private ErrorMessages() {}

    static String forStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            return code >= 500 ? "Server Error" : "Bad Request.";
        }
        return switch (status) {
            case NOT_FOUND -> "Not Found.";
            case UNAUTHORIZED -> "Unauthenticated.";
            case FORBIDDEN -> "This action is unauthorized.";
            case INTERNAL_SERVER_ERROR -> "Server Error";
            default -> status.getReasonPhrase() + ".";
        };
    }

    /** What the container refused before any application code ran: for a 400, say which parts of a request it checks. */
    static String forContainerStatus(int code) {
        return code == 400 ? MALFORMED_REQUEST : forStatus(code);
    }
}
