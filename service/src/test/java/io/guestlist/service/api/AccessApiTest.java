package io.guestlist.service.api;

import io.guestlist.service.security.SecurityConfig;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Map;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** 401 for a bad token, 404 for a non-member, 403 for a viewer's change, all as problem+json. */
class AccessApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AccessApiTest.class, registry);
    }

    private Api api;
    private GuestList guests;
    private String workspace;

    @BeforeEach
    void aWorkspaceWithAViewer() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "victor", "VIEWER");
    }

    @Test
    void missingToken_is401ProblemJson() {
        Api.Response response = api.sendAuthorized(null, "GET", "/api/v1/workspaces/" + workspace + "/units", null);
        assertUnauthenticated(response);
    }

    @Test
    void expiredToken_is401() {
        String expired = Api.sign("alice", Instant.now().minusSeconds(600), SecurityConfig.DEVELOPMENT_SECRET);
        assertUnauthenticated(api.sendAuthorized("Bearer " + expired, "GET", "/api/v1/workspaces/" + workspace + "/units", null));
    }

    @Test
    void tokenSignedWithAnotherSecret_is401() {
        String forged = Api.sign("alice", Instant.now().plusSeconds(600), "another-secret-of-at-least-thirty-two-bytes!!");
        assertUnauthenticated(api.sendAuthorized("Bearer " + forged, "POST", "/api/v1/workspaces/" + workspace + "/units",
                Map.of("name", "Forged")));
    }

    @Test
    void nonMember_getsNotFound_forReadsAndCommands() {
        assertProblem(api.get("mallory", "/api/v1/workspaces/" + workspace + "/units"), 404, "not-found");
        assertProblem(api.post("mallory", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", "Intruders")), 404, "not-found");
    }

    @Test
    void viewer_readsButChangesNothing() {
        Api.Response created = api.post("alice", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", "The Kapoors"));
        assertThat(api.get("victor", "/api/v1/workspaces/" + workspace + "/units?after=" + created.position()).status()).isEqualTo(200);

        assertProblem(api.post("victor", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", "Viewer's unit")), 403, "forbidden");
        assertProblem(api.patch("victor", "/api/v1/workspaces/" + workspace + "/units/" + created.id(), Map.of("name", "Renamed")), 403, "forbidden");
    }

    @Test
    void editor_cannotGovernMembers() {
        guests.addMember("alice", workspace, "erin", "EDITOR");
        assertProblem(api.post("erin", "/api/v1/workspaces/" + workspace + "/members", Map.of("userId", "x", "role", "OWNER")), 403, "forbidden");
    }

    @Test
    void invalidInput_isValidationProblem() {
        assertProblem(api.post("alice", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", " ")), 400, "validation");
        assertProblem(api.post("alice", "/api/v1/workspaces", Map.of("name", "No region", "defaultRegion", "XX")), 400, "validation");
        assertProblem(api.post("alice", "/api/v1/workspaces/" + workspace + "/units", "{not json"), 400, "validation");
        assertProblem(api.get("alice", "/api/v1/workspaces/not-a-uuid/units"), 400, "validation");
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertProblem(response, 401, "unauthenticated");
    }
}
