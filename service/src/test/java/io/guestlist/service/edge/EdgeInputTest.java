package io.guestlist.service.edge;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.RawHttp;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, items 2 and 6: what a request carries besides a command body (headers, query
 * parameters, a member's user id, an upload's file name) is a 400 problem when it could not be
 * stored, before any command is sent; and the read model goes on to the head afterwards.
 */
class EdgeInputTest extends ServiceTest {

    private static final String CSV = "Name,Phone\nRavi Sharma,+91 98111 22234\n";
    private static final Map<String, Object> NEW_WORKSPACE = Map.of("name", "Asha & Rohan", "defaultRegion", "IN");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(EdgeInputTest.class, registry);
    }

    private Api api;
    private RawHttp raw;
    private String workspace;
    private long created;

    @BeforeEach
    void aWorkspace() {
        api = api();
        raw = new RawHttp(port);
        Api.Response response = api.post("alice", "/api/v1/workspaces", NEW_WORKSPACE);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        workspace = response.id();
        created = response.position();
    }

    @Test
    void requestIdOver200Characters_is400_evenToCreateAWorkspaceWithNoMembership() {
        Api.Response response = api.send("newcomer", "POST", "/api/v1/workspaces", NEW_WORKSPACE,
                Map.of("X-Request-Id", "r".repeat(201)));
        assertProblem(response, 400, "validation");
        assertProblem(api.send("alice", "POST", units(), Map.of("name", "The Kapoors"), Map.of("X-Request-Id", "r".repeat(5000))),
                400, "validation");
    }

    @ParameterizedTest(name = "X-Request-Id: {0}")
    @ValueSource(strings = {"réquest-1", "リクエスト", "tab\there", "del\u007f"})
    void requestIdOutsidePrintableAscii_is400(String requestId) {
        RawHttp.Response response = raw.send("POST", "/api/v1/workspaces", json(NEW_WORKSPACE), "application/json",
                "Authorization: Bearer " + Api.tokenFor("newcomer"), "X-Request-Id: " + requestId);
        assertProblem(response, 400, "validation");
    }

    @Test
    void requestIdOf200PrintableCharacters_becomesTheCorrelationIdOfTheAudit() {
        String requestId = "~!r".repeat(66) + "ok";
        Api.Response created = api.send("alice", "POST", units(), Map.of("name", "The Kapoors"), Map.of("X-Request-Id", requestId));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        Api.Response audit = api.get("alice", "/api/v1/workspaces/" + workspace + "/audit?aggregateId=" + created.id()
                + "&after=" + created.position());
        assertThat(audit.status()).as(audit.body().toString()).isEqualTo(200);
        assertThat(audit.body().path("items").get(0).path("correlationId").asText()).isEqualTo(requestId);
    }

    @Test
    void idempotencyKeyOver200Characters_is400() {
        Api.Response response = api.postBytes("alice", imports(), "text/csv", CSV.getBytes(StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", "k".repeat(201)));
        assertProblem(response, 400, "validation");
    }

    @ParameterizedTest(name = "Idempotency-Key: {0}")
    @ValueSource(strings = {"clé-1", "ключ", "nul\u0001"})
    void idempotencyKeyOutsidePrintableAscii_is400(String key) {
        RawHttp.Response response = raw.send("POST", imports(), CSV.getBytes(StandardCharsets.UTF_8), "text/csv",
                "Authorization: Bearer " + Api.tokenFor("alice"), "Idempotency-Key: " + key);
        assertProblem(response, 400, "validation");
    }

    @ParameterizedTest(name = "audit?{0}")
    @ValueSource(strings = {"memberId=%00", "memberId=alice%00", "memberId=%1B", "aggregateId=%00", "from=%00",
            "from=-999999999-01-01T00:00:00Z", "to=%2B999999999-12-31T23:59:59Z", "from=0000-12-31T23:59:59Z",
            "memberId=%E0%A4%A", "memberId=%"})
    void auditQueryThatCannotBeAsked_is400(String query) {
        RawHttp.Response response = raw.get("/api/v1/workspaces/" + workspace + "/audit?after=" + created + "&" + query,
                "Authorization: Bearer " + Api.tokenFor("alice"));
        assertProblem(response, 400, "validation");
    }

    @Test
    void auditWithinTheYears1To9999_answers() {
        Api.Response audit = api.get("alice", "/api/v1/workspaces/" + workspace + "/audit?after=" + created
                + "&from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&memberId=alice");
        assertThat(audit.status()).as(audit.body().toString()).isEqualTo(200);
    }

    @Test
    void asOfOutOfRange_is400() {
        String unit = new GuestList(api).aUnit("alice", workspace, "The Kapoors");
        assertProblem(api.get("alice", units() + "/" + unit + "?asOf=-999999999-01-01T00:00:00Z&after=" + created), 400, "validation");
    }

    @ParameterizedTest(name = "userId {0}")
    @ValueSource(strings = {"ravi\u0000", "\u0000", "ravi\u001b[31m", "line\nbreak"})
    void memberWithControlCharacterInUserId_is400(String userId) {
        Api.Response response = api.post("alice", "/api/v1/workspaces/" + workspace + "/members",
                Map.of("userId", userId, "role", "EDITOR"));
        assertProblem(response, 400, "validation");
        assertReadModelReachesTheHead();
    }

    @ParameterizedTest(name = "file name {0}")
    @ValueSource(strings = {"guests\u0000.csv", "\u0000", "guests\u0007.csv"})
    void uploadWithControlCharacterInFileName_is400(String fileName) {
        Api.Response response = api.postFile("alice", imports(), fileName, "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 400, "validation");
        assertReadModelReachesTheHead();
    }

    /** A write after the refused request is readable with {@code ?after=}: no projection is stuck. */
    private void assertReadModelReachesTheHead() {
        Api.Response created = api.post("alice", units(), Map.of("name", "After the refusal"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Api.Response read = api.get("alice", units() + "/" + created.id() + "?after=" + created.position());
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        Api.Response audit = api.get("alice", "/api/v1/workspaces/" + workspace + "/audit?after=" + created.position());
        assertThat(audit.status()).as(audit.body().toString()).isEqualTo(200);
    }

    private String units() {
        return "/api/v1/workspaces/" + workspace + "/units";
    }

    private String imports() {
        return "/api/v1/workspaces/" + workspace + "/imports?channel=CSV";
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
