package dev.patchbay.web;

import dev.patchbay.outbound.CredentialCheckFailed;
import dev.patchbay.outbound.CallerGoneException;
import dev.patchbay.outbound.OutboundFailure;
import dev.patchbay.outbound.auth.OAuthConsent;
import dev.patchbay.outbound.limit.LimitsUnavailableException;
import dev.patchbay.outbound.limit.PoolTimeoutException;
import dev.patchbay.outbound.limit.RateLimitedException;
import dev.patchbay.secret.SecretUnreadableException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns the exceptions a controller raises into the contract's error bodies; what fails before a
 * controller runs is {@link ApiErrorController}'s (filters) or {@link ContainerErrorValve}'s (what Tomcat
 * refuses). Messages of unexpected exceptions are neither echoed nor logged: they may carry SQL, values or
 * secrets. A log line names the exception classes, the route and the request id ({@link SafeSummary}),
 * and a 500 answers that request id and nothing else of the failure. The one message logged is
 * {@link SecretUnreadableException}'s, which is built to name where a value is stored, never the value.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The MDC key under which {@link RequestIdFilter} keeps the request's id. */
    private static final String REQUEST_ID = "requestId";

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ValidationErrorBody> validationFailed(ValidationFailedException e) {
        return ResponseEntity.unprocessableContent().body(e.errors().toBody());
    }

    /** The credential check of the test route or of a create/update: 422 with what was sent and what came back. */
    @ExceptionHandler(CredentialCheckFailed.class)
    ResponseEntity<DetailedErrorBody> credentialsRefused(CredentialCheckFailed e) {
        return ResponseEntity.unprocessableContent()
                .body(new DetailedErrorBody(e.getMessage(), Map.of("credentials", List.of(e.getMessage())), e.result()));
    }

    /**
     * A request through a connector that Patchbay did not send or that got no answer: never a 200.
     * {@code Patchbay-Error} tells a proxy's caller that the answer is Patchbay's, not the system's.
     */
    @ExceptionHandler(OutboundFailure.class)
    ResponseEntity<DetailedErrorBody> outboundFailed(OutboundFailure e) {
        ResponseEntity.BodyBuilder response = switch (e.kind()) {
            case UNREACHABLE, TLS -> ResponseEntity.status(HttpStatus.BAD_GATEWAY);
            case TIMEOUT -> ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT);
            default -> ResponseEntity.unprocessableContent();
        };
        String field = switch (e.kind()) {
            case TARGET_REFUSED -> "target";
            case CREDENTIALS_REFUSED -> "credentials";
            case INVALID_REQUEST -> "request";
            default -> null;
        };
        return response.header("Patchbay-Error", e.kind().code())
                .body(new DetailedErrorBody(e.getMessage(), field == null ? null : Map.of(field, List.of(e.getMessage())), e.exchange()));
    }

    /** Nothing was sent: the start would come later than the caller agreed to wait, or the queue is full. */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<WaitRefusedBody> rateLimited(RateLimitedException e) {
        String why = switch (e.reason()) {
            case QUEUE_FULL -> "The connector's queue is full";
            case WAIT_TOO_LONG -> "The connector's rate limit would make this request wait longer than allowed";
            case WAIT_EXPIRED -> "The connector's rate limit did not let this request start within its wait";
        };
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(secondsUntil(e.earliestStart())))
                .header("Patchbay-Error", "rate_limited")
                .body(new WaitRefusedBody(why + "; nothing was sent. Retry later, or wait longer with Prefer: wait=<seconds>.",
                        e.queuePosition()));
    }

    /**
     * The caller hung up while its request waited: nobody reads this answer. 499 is nginx's "client closed
     * request", so an access log tells it from a refusal; nothing is logged as an error.
     */
    @ExceptionHandler(CallerGoneException.class)
    ResponseEntity<MessageBody> callerGone(CallerGoneException e) {
        return ResponseEntity.status(499).body(new MessageBody(e.getMessage()));
    }

    @ExceptionHandler(PoolTimeoutException.class)
    ResponseEntity<WaitRefusedBody> poolTimeout(PoolTimeoutException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .header("Patchbay-Error", "pool_timeout")
                .body(new WaitRefusedBody("No slot of the connector's connection pool became free within "
                        + e.timeout().toSeconds() + " s; nothing was sent.", null));
    }

    private static long secondsUntil(java.time.Instant at) {
        java.time.Instant now = java.time.Instant.now();
        if (at == null || at.isAfter(now.plusSeconds(86_400))) {
            return at == null ? 1 : 86_400;
        }
        return Math.max(1, (java.time.Duration.between(now, at).toMillis() + 999) / 1000);
    }

    @ExceptionHandler(OAuthConsent.ConsentFailed.class)
    ResponseEntity<MessageBody> consentFailed(OAuthConsent.ConsentFailed e) {
        return ResponseEntity.badRequest().body(new MessageBody(e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<MessageBody> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new MessageBody(e.getMessage()));
    }

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<MessageBody> badQuery(BadQueryException e) {
        return ResponseEntity.badRequest().body(new MessageBody(e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<MessageBody> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new MessageBody(e.getMessage()));
    }

    /**
     * A constraint the database enforced after the service's own checks passed. A unique or foreign-key
     * violation is another request changing the same records at the same moment (deleting a pool a
     * connector was being assigned to, taking the same e-mail): a conflict the caller can retry, 409. Any
     * other constraint (a check, a not-null, a value too long) means the service let through what it
     * should have refused: a bug, answered as one (500 with the request id, logged without values).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<MessageBody> constraintViolated(DataIntegrityViolationException e, HttpServletRequest request) {
        ConstraintViolation violation = ConstraintViolation.of(e);
        if (!violation.isConcurrentChange()) {
            log.error("A database constraint refused a write that no concurrent change explains ({}): {}", violation,
                    SafeSummary.of(e, request));
            return serverError();
        }
        log.warn("A concurrent change broke a database constraint ({}) on {} (request {})", violation,
                SafeSummary.route(request), MDC.get(REQUEST_ID));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new MessageBody("The records changed while this request ran. Please try again."));
    }

    /**
     * The database did not answer within its bounds (no pooled connection within the connection timeout,
     * a statement past the statement timeout, a connection lost, so that its transaction could not be
     * committed or rolled back by the client): temporary, so 503 with Retry-After. The server rolls back a
     * transaction whose connection is gone, so nothing of the request is half-written.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class,
        CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<MessageBody> databaseUnavailable(Exception e) {
        log.warn("The database did not answer in time: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(new MessageBody("The service is temporarily unavailable. Please try again shortly."));
    }

    /** Several nodes: the shared limits store (Redis) did not answer, so nobody could say whether the request may start. */
    @ExceptionHandler(LimitsUnavailableException.class)
    ResponseEntity<MessageBody> limitsUnavailable(LimitsUnavailableException e) {
        log.warn("The shared limits store did not answer: {}", e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(new MessageBody("The service is temporarily unavailable. Please try again shortly."));
    }

    /** A caller whose role passed the route rules but who has no company where one is needed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<MessageBody> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new MessageBody("This action is unauthorized."));
    }

    /**
     * A stored secret that the configured keys cannot open (a key removed from the ring too early, a value
     * copied from another record): nothing of it is shown. The log names where it is stored and the key
     * it names, so an operator can restore the key or the value.
     */
    @ExceptionHandler(SecretUnreadableException.class)
    ResponseEntity<MessageBody> secretUnreadable(SecretUnreadableException e, HttpServletRequest request) {
        log.error("{}; {}", e.getMessage(), SafeSummary.of(e, request));
        return ResponseEntity.internalServerError().body(new MessageBody("A stored secret of this record cannot be"
                + " decrypted with the configured keys. An administrator must restore the key it was encrypted with,"
                + " or the value must be set again."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<MessageBody> unexpected(Exception e, HttpServletRequest request) {
        var malformed = MalformedQuery.of(e);
        if (malformed.isPresent()) {
            return ResponseEntity.status(malformed.get().status()).body(new MessageBody(malformed.get().message()));
        }
        log.error("Unexpected {}", SafeSummary.of(e, request));
        return serverError();
    }

    /**
     * {@code {"message": "Server Error (request <id>)."}}: nothing of the failure, only the request id
     * that the log line carries too, so that a caller's report leads to it.
     */
    private static ResponseEntity<MessageBody> serverError() {
        String requestId = MDC.get(REQUEST_ID);
        return ResponseEntity.internalServerError()
                .body(new MessageBody(requestId == null ? "Server Error" : "Server Error (request " + requestId + ")."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldErrors errors = new FieldErrors();
        ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .forEach(error -> errors.addAbout(BeanPaths.toApiPath(error.getField()), error.getDefaultMessage()));
        return ResponseEntity.unprocessableContent().body(errors.toBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The limit surfaces from a stream read, so the JSON library may have wrapped it (JacksonIOException).
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new MessageBody(tooLarge.getMessage()));
            }
        }
        if (ex.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            // A body read without JsonBody (application bodies report every field through it).
            return ResponseEntity.unprocessableContent()
                    .body(new FieldErrors().addAbout(JsonBody.apiPath(mismatch.getPath()), JsonBody.expected(mismatch)).toBody());
        }
        return ResponseEntity.badRequest().body(new MessageBody("The request body is not valid JSON."));
    }

    /** A path id that is not a number names no record: 404, as for an id that does not exist. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new MessageBody("No query results for " + mismatch.getName() + " " + mismatch.getValue() + "."));
        }
        return ResponseEntity.badRequest().body(new MessageBody("A parameter has the wrong type."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        String message = statusCode.value() == 404 ? "Not Found." : HttpStatus.valueOf(statusCode.value()).getReasonPhrase() + ".";
        return ResponseEntity.status(statusCode).headers(headers).body(new MessageBody(message));
    }
}
