package io.guestlist.service.web;

import io.guestlist.kernel.error.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.util.Map;

/**
 * A multipart body the container cannot parse is the client's error: a file name with NUL (refused by
 * Tomcat before any controller runs) or a malformed part is a 400 naming the {@code file} part, an
 * oversized file a 413. Ordered before {@link ProblemAdvice}, whose catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblemAdvice {

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        ProblemDetail problem = e instanceof MaxUploadSizeExceededException
                ? Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, "An import file is at most 50 MB.", Map.of())
                : Problems.of(ErrorCode.VALIDATION, "The multipart body could not be read: " + rootMessage(e), Map.of("field", "file"));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The innermost cause's message, with control characters shown escaped (a file name may hold NUL). */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        StringBuilder shown = new StringBuilder(message.length());
        message.codePoints().forEach(c -> shown.append(Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c)));
        return shown.toString();
    }
}
