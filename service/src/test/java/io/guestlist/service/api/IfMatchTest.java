package io.guestlist.service.api;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two clients edit one resource: both read ETag "n"; the first write with {@code If-Match: "n"} wins
 * and answers "n+1"; the second, still on "n", is refused with 412 and changes nothing, neither the
 * read nor the event store. Without If-Match, writes go through as before.
 */
class IfMatchTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(IfMatchTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private GuestList guestList;
    private String workspace;

    @BeforeEach
    void aWorkspaceWithTwoEditors() {
        api = api();
        guestList = new GuestList(api);
        workspace = guestList.aWorkspaceOwnedBy("alice");
        guestList.addMember("alice", workspace, "bob", "EDITOR");
    }

    @Test
    void twoClientsEditingOneUnit_theStaleOneGets412AndChangesNothing() {
        Api.Response created = aUnit("The Bose Family");
        String unitId = created.id();
        String unit = "/api/v1/workspaces/" + workspace + "/units/" + unitId;
        String etag = read("alice", unit, created.position()).etag();
        assertThat(read("bob", unit, created.position()).etag()).isEqualTo(etag);
        long version = versionOf(etag);
        assertThat(version).isEqualTo(storedVersion(unitId));

        Api.Response first = withIfMatch("alice", "PATCH", unit, Map.of("name", "The Bose-Roy Family"), etag);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo(tag(version + 1));

        Api.Response second = withIfMatch("bob", "PATCH", unit, Map.of("name", "Bose"), etag);
        assertProblem(second, 412, "precondition-failed");
        assertThat(read("bob", unit, first.position()).body().path("name").asText()).isEqualTo("The Bose-Roy Family");
        assertThat(storedVersion(unitId)).isEqualTo(version + 1);

        Api.Response retried = withIfMatch("bob", "PATCH", unit, Map.of("name", "Bose"), read("bob", unit, first.position()).etag());
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.etag()).isEqualTo(tag(version + 2));
    }

    @Test
    void aPatchOfSeveralFields_isCheckedAsAWhole() {
        Api.Response created = aUnit("The Shah Family");
        String unitId = created.id();
        String unit = "/api/v1/workspaces/" + workspace + "/units/" + unitId;
        String etag = read("alice", unit, created.position()).etag();
        long version = versionOf(etag);

        Api.Response both = withIfMatch("alice", "PATCH", unit, Map.of("name", "The Shahs", "tags", List.of("family")), etag);
        assertThat(both.status()).as(both.body().toString()).isEqualTo(200);
        assertThat(both.etag()).isEqualTo(tag(version + 2));

        Api.Response stale = withIfMatch("bob", "PATCH", unit, Map.of("tags", List.of("friends"), "name", "Shah"), etag);
        assertProblem(stale, 412, "precondition-failed");
        Api.Response after = read("bob", unit, both.position());
        assertThat(after.body().path("name").asText()).isEqualTo("The Shahs");
        assertThat(after.body().path("tags").toString()).contains("family").doesNotContain("friends");
        assertThat(storedVersion(unitId)).isEqualTo(version + 2);

        Api.Response nothingToChange = withIfMatch("bob", "PATCH", unit, Map.of(), etag);
        assertThat(nothingToChange.status()).isEqualTo(200);
        assertThat(nothingToChange.etag()).as("no command, no check: nothing to tell").isNull();
    }

    @Test
    void withoutIfMatchOrWithAStar_writesGoThroughAsBefore_andAnswerTheirETag() {
        Api.Response created = aUnit("The Iyer Family");
        String unit = "/api/v1/workspaces/" + workspace + "/units/" + created.id();
        long version = versionOf(read("alice", unit, created.position()).etag());

        Api.Response plain = api.patch("alice", unit, Map.of("name", "Iyer"));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.etag()).isEqualTo(tag(version + 1));
        Api.Response star = withIfMatch("bob", "PATCH", unit, Map.of("name", "The Iyers"), "*");
        assertThat(star.status()).isEqualTo(200);
        assertThat(star.etag()).isEqualTo(tag(version + 2));
        assertProblem(withIfMatch("bob", "PATCH", unit, Map.of("name", "x"), "W/" + star.etag()), 412, "precondition-failed");
        assertProblem(withIfMatch("bob", "PATCH", unit, Map.of("name", "x"), tag(version + 99)), 412, "precondition-failed");
        assertThat(storedVersion(created.id())).isEqualTo(version + 2);
    }

    @Test
    void twoClientsEditingOnePerson_andRemovingIt() {
        String unit = guestList.aUnit("alice", workspace, "The Das Family");
        Api.Response added = guestList.addPerson("alice", workspace, unit, "Riya Das", null);
        String personId = added.id();
        String person = "/api/v1/workspaces/" + workspace + "/people/" + personId;
        String etag = read("alice", person, added.position()).etag();
        long version = versionOf(etag);

        Api.Response first = withIfMatch("alice", "PATCH", person, Map.of("name", "Riya Das-Sen"), etag);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo(tag(version + 1));
        assertProblem(withIfMatch("bob", "PATCH", person, Map.of("name", "R. Das"), etag), 412, "precondition-failed");
        assertThat(read("bob", person, first.position()).body().path("name").asText()).isEqualTo("Riya Das-Sen");

        String member = "/api/v1/workspaces/" + workspace + "/units/" + unit + "/members/" + personId;
        assertProblem(withIfMatch("bob", "DELETE", member, null, etag), 412, "precondition-failed");
        assertThat(storedVersion(personId)).isEqualTo(version + 1);
        Api.Response removed = withIfMatch("bob", "DELETE", member, null, first.etag());
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        assertThat(versionOf(removed.etag())).isEqualTo(storedVersion(personId)).isGreaterThan(version + 1);
    }

    @Test
    void twoOwnersGoverningOneWorkspace() {
        guestList.addMember("alice", workspace, "carol", "OWNER");
        String ws = "/api/v1/workspaces/" + workspace;
        String etag = read("alice", ws, 0).etag();
        long version = versionOf(etag);
        assertThat(version).isEqualTo(storedVersion(workspace));

        Api.Response first = withIfMatch("alice", "PUT", ws + "/members/bob", Map.of("role", "VIEWER"), etag);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo(tag(version + 1));
        assertProblem(withIfMatch("carol", "PUT", ws + "/members/bob", Map.of("role", "OWNER"), etag), 412, "precondition-failed");
        assertProblem(withIfMatch("carol", "DELETE", ws + "/members/bob", null, etag), 412, "precondition-failed");
        assertThat(read("carol", ws, 0).body().path("members").toString()).contains("\"bob\"").contains("VIEWER");
        assertThat(storedVersion(workspace)).isEqualTo(version + 1);

        Api.Response removed = withIfMatch("carol", "DELETE", ws + "/members/bob", null, first.etag());
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        assertThat(removed.etag()).isEqualTo(tag(version + 2));
    }

    @Test
    void anEventOfTheCelebration_hasItsETagAndHonoursIfMatch() {
        Api.Response created = api.post("alice", "/api/v1/workspaces/" + workspace + "/events", Map.of("name", "Sangeet"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo(tag(storedVersion(created.id())));
        String event = "/api/v1/workspaces/" + workspace + "/events/" + created.id();
        String etag = read("alice", event, created.position()).etag();
        assertThat(etag).isEqualTo(created.etag());

        Api.Response renamed = withIfMatch("alice", "PATCH", event, Map.of("name", "Sangeet night"), etag);
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertProblem(withIfMatch("bob", "PATCH", event, Map.of("status", "ARCHIVED"), etag), 412, "precondition-failed");
        assertThat(read("bob", event, renamed.position()).body().path("status").asText()).isNotEqualTo("ARCHIVED");
    }

    private Api.Response aUnit(String name) {
        Api.Response created = api.post("alice", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo(tag(storedVersion(created.id())));
        return created;
    }

    /**
     * A read that has its ETag: {@code ?after=} waits for the projection to hold the newest write (a
     * processor still starting may not within the read's own bound, hence the retries).
     */
    private Api.Response read(String user, String path, long after) {
        return await("a read of " + path + " with its ETag").atMost(Duration.ofSeconds(60))
                .until(() -> api.get(user, path + "?after=" + after), r -> r.status() == 200 && r.etag() != null);
    }

    private Api.Response withIfMatch(String user, String method, String path, Object body, String etag) {
        return api.send(user, method, path, body, Map.of("If-Match", etag));
    }

    private long storedVersion(String aggregateId) {
        return jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private static long versionOf(String etag) {
        assertThat(etag).matches("\"\\d+\"");
        return Long.parseLong(etag.substring(1, etag.length() - 1));
    }

    private static String tag(long version) {
        return "\"" + version + "\"";
    }
}
