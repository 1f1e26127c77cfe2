package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.kernel.person.PersonEvent;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person events as the units see them: after each kind, sent through the API (reactivation by
 * re-adding a phone or by a move, deletion of a member, of a primary contact and of a removed
 * person), the projected unit and the unit folded from the store as of now are the same JSON, and
 * the audit feed names the person.
 */
class PersonFoldsAgreeTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(PersonFoldsAgreeTest.class, registry);
    }

    private Api api;
    private String base;
    private final Set<String> seen = new TreeSet<>();

    @Test
    void everyPersonEvent_leavesTheProjectedUnitsEqualToTheUnitsFoldedFromTheirEvents() {
        api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        base = "/api/v1/workspaces/" + workspace;
        String sharmas = guests.aUnit("alice", workspace, "The Sharmas");
        String kapoors = guests.aUnit("alice", workspace, "The Kapoors");
        String anita = guests.addPerson("alice", workspace, sharmas, "Anita", "098111 22233").id();
        String ravi = guests.addPerson("alice", workspace, sharmas, "Ravi", "098111 22244").id();
        agree(api.put("alice", base + "/units/" + sharmas + "/primary-contact", Map.of("personId", ravi)).position(), sharmas);
        agree(api.patch("alice", base + "/people/" + anita, Map.of("name", "Anita S", "phone", "098111 22255", "email", "anita@example.org")).position(), sharmas);
        agree(api.patch("alice", base + "/people/" + anita, Map.of("notes", "Vegetarian")).position(), sharmas);

        agree(removed(sharmas, anita), sharmas);
        Api.Response readded = guests.addPerson("alice", workspace, kapoors, "Anita Kapoor", "+91 98111 22255");
        assertThat(readded.status()).as(readded.body().toString()).isEqualTo(200);
        agree(readded.position(), sharmas, kapoors);
        agree(api.post("alice", base + "/people/" + anita + "/move", Map.of("unitId", sharmas)).position(), sharmas, kapoors);
        removed(sharmas, anita);
        agree(api.post("alice", base + "/people/" + anita + "/move", Map.of("unitId", kapoors)).position(), sharmas, kapoors);

        agree(deleted(ravi), sharmas);
        removed(kapoors, anita);
        long last = deleted(anita);
        agree(last, sharmas, kapoors);

        for (String person : List.of(anita, ravi)) {
            JsonNode audit = api.get("alice", base + "/audit?aggregateId=" + person + "&size=100&after=" + last).body().path("items");
            assertThat(audit.get(0).path("type").asText()).as(audit.toString()).isEqualTo("PersonDeleted");
            assertThat(audit.get(0).path("memberId").asText()).isEqualTo("alice");
            seen.addAll(types(audit));
        }
        assertThat(seen).as("every kind of person event went through both folds").containsAll(
                Arrays.stream(PersonEvent.class.getPermittedSubclasses()).map(c -> c.getSimpleName().replaceFirst("Event$", "")).toList());
    }

    private long removed(String unit, String person) {
        Api.Response removed = api.delete("alice", base + "/units/" + unit + "/members/" + person);
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        return removed.position();
    }

    private long deleted(String person) {
        Api.Response deleted = api.delete("alice", base + "/people/" + person);
        assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(200);
        return deleted.position();
    }

    private void agree(long after, String... units) {
        for (String unit : units) {
            Api.Response live = api.get("alice", base + "/units/" + unit + "?after=" + after);
            assertThat(live.status()).as(live.body().toString()).isEqualTo(200);
            Api.Response folded = api.get("alice", base + "/units/" + unit + "?asOf=" + Instant.now() + "&after=" + after);
            assertThat(folded.status()).as(folded.body().toString()).isEqualTo(200);
            assertThat(folded.body()).isEqualTo(live.body());
        }
    }

    private static List<String> types(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.path("type").asText()).toList();
    }
}
