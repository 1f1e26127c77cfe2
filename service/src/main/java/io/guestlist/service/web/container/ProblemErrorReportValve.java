package io.guestlist.service.web.container;

import io.guestlist.service.web.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Tomcat's own error page, for what it refuses before any servlet runs (a path with {@code %00} or
 * an encoded slash, an invalid request line, headers too large): problem+json in place of HTML.
 * Errors inside the application reach {@code /error} instead, so this answers only the rest.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's valve: nothing to do unless an error is unanswered and nobody has reported it yet.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status >= 500) {
            log.error("Container error {}", status, throwable);
        }
        try {
            if (response.getReporter() == null) {
                return;
            }
            response.setCharacterEncoding("UTF-8");
            Problems.writeForStatus(response, status, detailFor(status), null);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error body", e);
        }
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its request line, path, headers or query string are not allowed.";
            case 404 -> "No such resource.";
            default -> status >= 500 ? "An unexpected error occurred." : "The request cannot be served.";
        };
    }
}
