package io.guestlist.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * What reaches the container's error page ({@code /error}): an error a filter threw or answered
 * with {@code sendError}, or one the container found itself. It leaves as problem+json like every
 * other error, whatever the client accepts, in place of Boot's default JSON or HTML.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer s && s >= 400 ? s : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code >= 500) {
            log.error("Unexpected error on {}", uri, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        Problems.writeForStatus(response, code, detailFor(code), uri == null ? null : uri.toString());
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Not allowed.";
            case 404 -> "No such resource.";
            case 405 -> "That method is not allowed here.";
            case 413 -> "The request is too large.";
            default -> status >= 500 ? "An unexpected error occurred." : "The request cannot be served.";
        };
    }
}
