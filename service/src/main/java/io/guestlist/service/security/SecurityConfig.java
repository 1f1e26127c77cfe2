package io.guestlist.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * Bearer JWTs: the token's {@code sub} is the user id; roles come from the workspace's own
 * membership data, never from the token (SPEC §7). Verified either with an HS256 shared secret
 * or against an identity provider's issuer; either way {@link StrictClaims} holds every token to a
 * usable {@code sub} and an {@code exp}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Used only when neither a secret nor an issuer is configured; known to everyone, so never for real data. */
    public static final String DEVELOPMENT_SECRET = "guestlist-development-secret-not-for-production!";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // Probes and the Prometheus scrape carry no token; neither shows a workspace's data.
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> { }).authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .build();
    }

    /**
     * No observations (timers, spans) of Spring Security's own: around each filter of its chain, and of each
     * authentication and authorization. A read spent a fifth of its time in them. Requests are still timed as a
     * whole ({@code http.server.requests}), and refusals still answer and count there by status.
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public JwtDecoder jwtDecoder(@Value("${guestlist.jwt.secret:}") String secret,
                                 @Value("${guestlist.jwt.issuer-uri:}") String issuerUri) {
        if (!issuerUri.isBlank()) {
            // Spring's documented way to add validators to a discovered decoder (it is a NimbusJwtDecoder).
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuerUri);
            OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(issuerUri), new StrictClaims());
            decoder.setJwtValidator(validator);
            return new VerifiedTokens(decoder, validator);
        }
        if (secret.isBlank()) {
            log.warn("""

                    ************************************************************************
                    * GUESTLIST_JWT_SECRET and GUESTLIST_JWT_ISSUER_URI are both unset:     *
                    * accepting tokens signed with the PUBLIC DEVELOPMENT SECRET.           *
                    * Anyone can mint a token. Never run like this with real guest data.    *
                    ************************************************************************""");
            secret = DEVELOPMENT_SECRET;
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("GUESTLIST_JWT_SECRET must be at least 32 bytes for HS256");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(new StrictClaims());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }
}
