package io.guestlist.command.web;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a client expects from {@code If-Match}: {@code null} when the header is absent or
 * {@code *} (any version). Our ETags are strong ({@code "7"}); a weak tag never matches under
 * If-Match's strong comparison (RFC 9110 §13.1.1), so it fails the precondition, as does any tag
 * that is not one of ours.
 */
public final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private IfMatch() {
    }

    public static Long expectedVersion(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher tag = VERSION_TAG.matcher(header.trim());
        if (!tag.matches()) {
            throw new GuestlistException(ErrorCode.PRECONDITION_FAILED,
                    "If-Match must be one ETag as this resource's reads answer it, such as \"7\", or *.");
        }
        return Long.parseLong(tag.group(1));
    }

    /** The strong ETag of an aggregate version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
