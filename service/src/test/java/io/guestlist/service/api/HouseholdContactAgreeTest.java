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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household contact (which member a unit is invited through) is derived twice: in SQL by the
 * guest-list projection, over a batch of units, and in Java by {@code HouseholdContact} for reads as
 * of an instant. After every kind of event that can change it (members join, leave, move, come back,
 * change phone, are deleted or erased; a primary contact chosen; units archived, restored, merged),
 * the contact, invite target and reason of the live unit and of the unit as of now are the same, and
 * the steps reach every outcome of the rule.
 */
class HouseholdContactAgreeTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(HouseholdContactAgreeTest.class, registry);
    }

    private Api api;
    private String base;
    private final Set<String> outcomes = new TreeSet<>();

    @Test
    void everyEventThatMovesTheContact_leavesTheProjectedContactEqualToTheFoldedOne() {
        api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        base = "/api/v1/workspaces/" + workspace;
        Api.Response created = api.post("alice", base + "/units", Map.of("name", "The Sharmas"));
        String sharmas = created.id();
        agree(ok(created), sharmas);
        String kapoors = guests.aUnit("alice", workspace, "The Kapoors");
        String anita = added(guests.addPerson("alice", workspace, sharmas, "Anita", "12"), sharmas);
        String ravi = added(guests.addPerson("alice", workspace, sharmas, "Ravi", "098111 22244"), sharmas);
        agree(ok(api.put("alice", base + "/units/" + sharmas + "/primary-contact", Map.of("personId", anita))), sharmas);
        agree(ok(api.patch("alice", base + "/people/" + anita, Map.of("phone", "098111 22233"))), sharmas);
        agree(ok(api.patch("alice", base + "/people/" + anita, Map.of("name", "Anita S", "email", "anita@example.org"))), sharmas);
        agree(ok(api.delete("alice", base + "/units/" + sharmas + "/members/" + anita)), sharmas);
        agree(ok(guests.addPerson("alice", workspace, sharmas, "Anita Sharma", "+91 98111 22233")), sharmas);
        agree(ok(api.post("alice", base + "/people/" + anita + "/move", Map.of("unitId", kapoors))), sharmas, kapoors);
        String meera = added(guests.addPerson("alice", workspace, sharmas, "Meera", "098111 22255"), sharmas);
        agree(ok(api.patch("alice", base + "/people/" + ravi, Map.of("phone", "34"))), sharmas);
        agree(ok(api.patch("alice", base + "/units/" + sharmas, Map.of("status", "ARCHIVED"))), sharmas);
        agree(ok(api.patch("alice", base + "/units/" + sharmas, Map.of("status", "ACTIVE"))), sharmas);
        agree(ok(api.post("alice", base + "/units/" + kapoors + "/merge", Map.of("intoUnitId", sharmas))), sharmas, kapoors);
        agree(ok(api.delete("alice", base + "/people/" + anita)), sharmas);
        agree(ok(api.delete("alice", base + "/people/" + meera)), sharmas);
        long last = ok(api.post("alice", base + "/people/" + meera + "/erase", null));
        agree(last, sharmas, kapoors);

        assertThat(outcomes).as("the steps reach every outcome of the rule").containsExactlyInAnyOrder(
                "chosen contact", "first with a valid phone", "ARCHIVED", "NO_MEMBERS", "NO_VALID_PHONE", "NO_PRIMARY_CONTACT_PHONE");
        JsonNode feed = api.get("alice", base + "/audit?size=500&after=" + last).body().path("items");
        Set<String> seen = new TreeSet<>(StreamSupport.stream(feed.spliterator(), false).map(i -> i.path("type").asText()).toList());
        assertThat(seen).as("every kind of person event, and every unit event that moves a contact, went through both").containsAll(
                Stream.concat(Arrays.stream(PersonEvent.class.getPermittedSubclasses()).map(c -> c.getSimpleName().replaceFirst("Event$", "")),
                        Stream.of("UnitCreated", "PrimaryContactChosen", "UnitArchived", "UnitRestored", "UnitMerged")).toList());
    }

    /** The member added, once the unit agrees after the addition. */
    private String added(Api.Response added, String unit) {
        agree(ok(added), unit);
        return added.id();
    }

    /** The derived contact of each unit, live and as of now, is the same; records which outcome it was. */
    private void agree(long after, String... units) {
        for (String unit : units) {
            Api.Response live = api.get("alice", base + "/units/" + unit + "?after=" + after);
            assertThat(live.status()).as(live.body().toString()).isEqualTo(200);
            Api.Response folded = api.get("alice", base + "/units/" + unit + "?asOf=" + Instant.now() + "&after=" + after);
            assertThat(folded.status()).as(folded.body().toString()).isEqualTo(200);
            assertThat(contact(folded.body())).as(unit + " as of now, beside live " + live.body()).isEqualTo(contact(live.body()));
            outcomes.add(outcome(live.body()));
        }
    }

    private static List<String> contact(JsonNode unit) {
        return Stream.of("primaryContactId", "inviteTarget", "inviteable", "notInviteableReason").map(f -> unit.path(f).asText()).toList();
    }

    /** Which branch of the rule the live unit took: a reason it is not inviteable, or how its contact was found. */
    private static String outcome(JsonNode unit) {
        if (!unit.path("inviteable").asBoolean()) {
            return unit.path("notInviteableReason").asText();
        }
        String firstWithPhone = StreamSupport.stream(unit.path("members").spliterator(), false)
                .filter(m -> m.path("phone").isTextual()).findFirst().map(m -> m.path("id").asText()).orElse("");
        return unit.path("primaryContactId").asText().equals(firstWithPhone) ? "first with a valid phone" : "chosen contact";
    }

    private static long ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 201);
        return response.position();
    }
}
