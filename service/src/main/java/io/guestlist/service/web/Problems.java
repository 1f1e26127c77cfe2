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
    /** The type of every 5xx the service did not choose itself. */
    public static final String INTERNAL = "internal";

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
        write(response, code.status(), code.slug(), code.name(), detail, instance);
    }

    /**
     * For an error status that no code of the service chose (the container's, the framework's): the
     * type follows the status, as {@link ProblemAdvice} does for framework errors.
     */
    public static void writeForStatus(HttpServletResponse response, int status, String detail, String instance) throws IOException {
        ErrorCode code = codeFor(status);
        if (code == null) {
            write(response, status, INTERNAL, "INTERNAL", detail, instance);
        } else {
            write(response, status, code.slug(), code.name(), detail, instance);
        }
    }

    /** The code an error status stands for, or null for a 5xx (an {@value #INTERNAL} problem). */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? null : ErrorCode.VALIDATION;
        };
    }

    private static void write(HttpServletResponse response, int status, String slug, String codeName, String detail,
                              String instance) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        HttpStatus known = HttpStatus.resolve(status);
        response.getWriter().write("""
                {"type":"%s%s","title":"%s","status":%d,"detail":%s,"instance":%s,"code":"%s"}"""
                .formatted(TYPE_BASE, slug, known == null ? "Error" : known.getReasonPhrase(), status,
                        jsonString(detail), jsonString(instance), codeName));
    }

    /** A JSON string literal: a request's path or header may hold any character. */
    static String jsonString(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
