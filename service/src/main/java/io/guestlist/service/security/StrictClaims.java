package io.guestlist.service.security;

import io.guestlist.kernel.workspace.UserIds;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.List;

/**
 * The claims the service relies on, checked for every token whoever signed it: {@code sub} is the
 * user id (SPEC §7), stored with every event it causes, so it must be a valid {@link UserIds user id};
 * {@code exp} must be there, or a leaked token would be good for ever. (Spring's timestamp
 * validator checks {@code exp} only when present.)
 */
final class StrictClaims implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (!UserIds.isValid(token.getSubject())) {
            errors.add(invalid("The token's sub must be present: " + UserIds.RULE + "."));
        }
        if (token.getExpiresAt() == null) {
            errors.add(invalid("The token must have an exp."));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
