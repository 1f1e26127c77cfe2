package io.guestlist.service.security;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** A missing, expired or badly signed token is a 401 with a problem+json body, like every other error. */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        Problems.write(response, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.", request.getRequestURI());
    }
}
