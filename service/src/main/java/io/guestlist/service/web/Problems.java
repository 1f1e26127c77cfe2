package io.guestlist.service.web;

import io.guestlist.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** RFC 9457 problem bodies with one stable {@code type} URI per {@link ErrorCode}. */
public final class Problems {

    public static final String TYPE_BASE = "https://guestlist.io/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setType(URI.create(TYPE_BASE + code.slug()));
        problem.setTitle(HttpStatus.valueOf(code.status()).getReasonPhrase());
        properties.forEach(problem::setProperty);
        problem.setProperty("code", code.name());
        return problem;
    }

    /** For filters that run before Spring MVC: the body written by hand, the same shape. */
    public static void write(HttpServletResponse response, ErrorCode code, String detail, String instance) throws IOException {
        response.setStatus(code.status());
        response.setContentType(MEDIA_TYPE);
        response.getWriter().write("""
                {"type":"%s%s","title":"%s","status":%d,"detail":"%s","instance":"%s","code":"%s"}"""
                .formatted(TYPE_BASE, code.slug(), HttpStatus.valueOf(code.status()).getReasonPhrase(), code.status(),
                        detail.replace("\"", "'"), instance.replace("\"", "'"), code.name()));
    }
}
