package io.guestlist.service.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is not parsed again, yet is refused from the moment the decoder itself would refuse it. */
class VerifiedTokensTest {

    private static final byte[] SECRET = SecurityConfig.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
    private final AtomicInteger decoded = new AtomicInteger();
    private final OAuth2TokenValidator<Jwt> validator = validator();
    private final NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256).build();
    private final VerifiedTokens tokens = new VerifiedTokens(token -> {
        decoded.incrementAndGet();
        return nimbus.decode(token);
    }, validator);

    VerifiedTokensTest() {
        nimbus.setJwtValidator(validator);
    }

    @Test
    void aTokenSentAgain_isNotParsedAgain() {
        String token = token("alice", now.get().plusSeconds(600), SECRET);

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void aRememberedToken_isRefusedOnceItExpires_withTheDecodersOwnError() {
        String token = token("alice", now.get().plusSeconds(600), SECRET);
        tokens.decode(token);

        now.set(now.get().plusSeconds(600).plus(Duration.ofMinutes(2)));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenSignedWithAnotherKey_isRefused_evenBesideAVerifiedOne() {
        tokens.decode(token("alice", now.get().plusSeconds(600), SECRET));
        byte[] otherKey = "another-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> tokens.decode(token("alice", now.get().plusSeconds(600), otherKey)))
                .isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
    }

    private OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        return new DelegatingOAuth2TokenValidator<>(timestamps, new StrictClaims());
    }

    private String token(String subject, Instant expires, byte[] key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject)
                    .issueTime(Date.from(now.get())).expirationTime(Date.from(expires)).build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
