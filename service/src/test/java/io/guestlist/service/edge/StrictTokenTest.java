package io.guestlist.service.edge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.guestlist.service.security.SecurityConfig;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 5: a token is only good with a usable {@code sub} (1 to 200 printable characters,
 * not blank) and an {@code exp} that has not passed. Otherwise reads and creates alike are a 401
 * problem, never a 404 for a nobody, a 500, or a workspace owned by an empty name.
 */
class StrictTokenTest extends ServiceTest {

    private static final Map<String, Object> WORKSPACE = Map.of("name", "Asha & Rohan", "defaultRegion", "IN");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(StrictTokenTest.class, registry);
    }

    @Test
    void tokenWithoutSub_is401() {
        assertRefused(signed(claims -> claims.subject(null)));
    }

    @ParameterizedTest(name = "sub \"{0}\"")
    @ValueSource(strings = {"", " ", "\t \n"})
    void tokenWithEmptyOrBlankSub_is401(String sub) {
        assertRefused(signed(claims -> claims.subject(sub)));
    }

    @Test
    void tokenWithSubOf201Characters_is401() {
        assertRefused(signed(claims -> claims.subject("u".repeat(201))));
    }

    @ParameterizedTest(name = "sub with U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x1b, 0x7f, 0x85})
    void tokenWithControlCharacterInSub_is401(int control) {
        assertRefused(signed(claims -> claims.subject("alice" + (char) control)));
    }

    @Test
    void tokenWithoutExp_is401() {
        assertRefused(sign(new JWTClaimsSet.Builder().subject("alice").issueTime(new Date()).build()));
    }

    @Test
    void expiredToken_is401() {
        assertRefused(signed(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600)))));
    }

    @Test
    void tokenWithSubOf200PrintableCharacters_isAccepted() {
        String longest = "ü".repeat(100) + "u".repeat(100);
        Api.Response created = api().sendAuthorized("Bearer " + signed(claims -> claims.subject(longest)), "POST",
                "/api/v1/workspaces", WORKSPACE);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private void assertRefused(String token) {
        Api api = api();
        assertProblem(api.sendAuthorized("Bearer " + token, "POST", "/api/v1/workspaces", WORKSPACE), 401, "unauthenticated");
        assertProblem(api.sendAuthorized("Bearer " + token, "GET", "/api/v1/workspaces/" + UUID.randomUUID()
                + "/units", null), 401, "unauthenticated");
    }

    /** A token that would be valid (sub alice, an hour to live) but for what {@code change} does to it. */
    private static String signed(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("alice").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        change.accept(claims);
        return sign(claims.build());
    }

    private static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SecurityConfig.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
