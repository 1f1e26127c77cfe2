package io.guestlist.service.web;

import io.guestlist.kernel.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * The one check of what every request carries besides its body, before security and before any
 * command: the headers that become stored values ({@code X-Request-Id} becomes the correlation id of
 * every event, {@code Idempotency-Key} is kept with an import) must be short printable ASCII, and
 * the query string must hold no control character, which PostgreSQL text cannot store or compare.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class EdgeInputFilter extends OncePerRequestFilter {

    public static final int MAX_HEADER_LENGTH = 200;
    static final List<String> STORED_HEADERS = List.of("X-Request-Id", "Idempotency-Key");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : STORED_HEADERS) {
            for (String value : Collections.list(request.getHeaders(header))) {
                if (!isShortPrintableAscii(value)) {
                    reject(request, response, header + " must be at most " + MAX_HEADER_LENGTH
                            + " printable ASCII characters.");
                    return;
                }
            }
        }
        if (!isCleanQuery(request.getQueryString())) {
            reject(request, response, "The query string must be well-formed and hold no control characters.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isShortPrintableAscii(String value) {
        return value.length() <= MAX_HEADER_LENGTH && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /** Tabs and line breaks may appear in text values (a pretty-printed {@code mapping}); other controls may not. */
    static boolean isCleanQuery(String query) {
        if (query == null) {
            return true;
        }
        try {
            return URLDecoder.decode(query, StandardCharsets.UTF_8).chars()
                    .noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
        } catch (IllegalArgumentException malformedEscape) {
            return false;
        }
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Problems.write(response, ErrorCode.VALIDATION, detail, request.getRequestURI());
    }
}
