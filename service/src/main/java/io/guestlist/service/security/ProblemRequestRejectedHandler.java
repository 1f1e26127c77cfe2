package io.guestlist.service.security;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A request Spring Security's firewall refuses (an encoded {@code ..}, {@code //}, a control
 * character in the path…) is a 400 problem, not an exception for the container to render.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        Problems.write(response, ErrorCode.VALIDATION, "The request was rejected: its path or headers are not allowed.", null);
    }
}
