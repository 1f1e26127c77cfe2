package io.guestlist.service.web;

import io.guestlist.command.failure.DatabaseFailures;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.error.RemoteRejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Map;

/** Every error, the service's own and the framework's, leaves as problem+json with a stable {@code type}. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    /** Seconds a client is asked to wait when the database cannot be reached: about a database restart. */
    static final String DATABASE_RETRY_AFTER = "5";

    @ExceptionHandler(GuestlistException.class)
    ResponseEntity<ProblemDetail> rejected(GuestlistException e) {
        return respond(Problems.of(e.code(), e.getMessage(), e.details()));
    }

    /** The shape a rejection takes when the command crossed a (distributed) command bus. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> rejectedRemotely(CommandExecutionException e) {
        if (DatabaseFailures.unavailable(e)) {
            return databaseUnavailable(e);
        }
        if (e.getCause() instanceof GuestlistException cause) {
            return rejected(cause);
        }
        return e.<RemoteRejection>getDetails()
                .map(d -> respond(Problems.of(d.code(), e.getMessage(), d.details())))
                .orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(Problems.of(ErrorCode.NOT_FOUND, "No such resource in this workspace.", Map.of()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                "Another change to the same resource won the race; read it again and retry.", Map.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(ErrorCode.VALIDATION, "Parameter '" + e.getName() + "' is not valid.", Map.of()));
    }

    /**
     * A multipart body the container cannot parse (a file name with NUL, a broken part) is the client's to fix.
     * An oversized one is the more specific {@code MaxUploadSizeExceededException}: the base class answers its 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return respond(Problems.of(ErrorCode.VALIDATION, "The multipart body cannot be read: a part or its file name is malformed.",
                Map.of("field", "file")));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return respond(Problems.of(ErrorCode.VALIDATION, e.getMessage(), Map.of()));
    }

    /**
     * The database cannot be reached (no connection within the pool's short timeout, or a connection
     * lost): a 503 the client may retry, whatever wrapped the cause on its way here.
     */
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return ResponseEntity.status(ErrorCode.DATABASE_UNAVAILABLE.status()).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(ErrorCode.DATABASE_UNAVAILABLE, "The database cannot be reached; try again shortly.", Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.unavailable(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500), "An unexpected error occurred.");
        problem.setType(java.net.URI.create(Problems.TYPE_BASE + "internal"));
        return respond(problem);
    }

    /** Framework errors (unreadable body, wrong media type, oversized upload…) get a stable type by status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ErrorCode code = switch (status.value()) {
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                case 404 -> ErrorCode.NOT_FOUND;
                default -> ErrorCode.VALIDATION;
            };
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + code.slug()));
            problem.setProperty("code", code.name());
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
