package dev.patchbay.web;

import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;

/**
 * A query string the container cannot read, such as {@code ?x=%zz}: the client's mistake, so a 4xx
 * that names it. Tomcat's own message is not echoed (it quotes the raw parameter).
 */
final class MalformedQuery {

    static final String BROKEN_ESCAPE = "The query string is malformed: a percent sign must start an escape of two"
            + " hexadecimal digits (write %25 for a literal %), and the escapes must spell valid UTF-8.";

    private MalformedQuery() {}

    /** The status and message for {@code error} or one of its causes, if it is the container refusing the parameters. */
    static Optional<Answer> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid) {
                return Optional.of(invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                        ? new Answer(HttpStatus.CONTENT_TOO_LARGE, "The request has too many parameters.")
                        : new Answer(HttpStatus.BAD_REQUEST, BROKEN_ESCAPE));
            }
        }
        return Optional.empty();
    }

    record Answer(HttpStatus status, String message) {}
}
