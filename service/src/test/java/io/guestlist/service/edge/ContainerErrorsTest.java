package io.guestlist.service.edge;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.RawHttp;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.guestlist.service.support.ProblemAssert.assertProblem;

/**
 * Issue 8, item 7: the errors that Tomcat, Spring Security's firewall or Spring MVC answer before
 * any code of the service runs are problem+json too, with a stable type; sent as raw bytes, since
 * an HTTP client would clean the request up first.
 */
class ContainerErrorsTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ContainerErrorsTest.class, registry);
    }

    private RawHttp raw;
    private String bearer;

    @BeforeEach
    void client() {
        raw = new RawHttp(port);
        bearer = "Authorization: Bearer " + Api.tokenFor("alice");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/workspaces/%00", "/api/v1/%00/workspaces", "/api/v1/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/workspaces/..%2f", "/api/v1/workspaces/%2e%2e/%2e%2e/actuator", "/api/v1/%2e%2e",
            "/api/v1/workspaces/%2E%2E%2Fx", "/api/v1//workspaces", "/api/v1/workspaces/;x=1/units",
            "/api/v1/workspaces%5C..%5C", "/api/v1/%ZZ"})
    void hostilePath_is400(String path) {
        assertProblem(raw.get(path, bearer), 400, "validation");
        assertProblem(raw.get(path), 400, "validation");
    }

    @ParameterizedTest(name = "request line {0}")
    @ValueSource(strings = {"/api/v1/work spaces", "/api/v1/<script>", "/api/v1/workspaces?q={\"a\"}"})
    void invalidRequestTarget_is400(String target) {
        assertProblem(raw.get(target, bearer), 400, "validation");
    }

    @Test
    void oversizedHeader_is400() {
        assertProblem(raw.get("/api/v1/workspaces", bearer, "X-Padding: " + "p".repeat(20_000)), 400, "validation");
    }

    @Test
    void oversizedQueryString_is400() {
        assertProblem(raw.get("/api/v1/workspaces?q=" + "q".repeat(20_000), bearer), 400, "validation");
    }

    @Test
    void headerWithoutColon_is400() {
        assertProblem(raw.get("/api/v1/workspaces", bearer, "Not a header"), 400, "validation");
    }

    @Test
    void unknownRoute_is404_forAMember_and401_forAStranger() {
        assertProblem(raw.get("/api/v1/no-such-thing", bearer), 404, "not-found");
        assertProblem(raw.get("/no-such-thing", bearer), 404, "not-found");
        assertProblem(raw.get("/api/v1/no-such-thing"), 401, "unauthenticated");
    }

    @Test
    void wrongMethod_is405ValidationProblem() {
        assertProblem(raw.send("DELETE", "/api/v1/workspaces", new byte[0], null, bearer), 405, "validation");
    }

    @Test
    void errorPage_answersAServerErrorAsInternalProblem() {
        assertProblem(raw.get("/error", bearer), 500, "internal");
    }
}
