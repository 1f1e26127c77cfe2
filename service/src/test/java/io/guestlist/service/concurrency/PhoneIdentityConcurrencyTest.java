package io.guestlist.service.concurrency;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Race;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §2.1 on the real database through the running service: racing commands claiming one
 * phone yield exactly one person, losers are told who holds it, and a failed command leaves no
 * claim and no event behind.
 */
class PhoneIdentityConcurrencyTest extends ServiceTest {

    private static final int RACERS = 16;
    private static final String E164 = "+919811122233";
    private static final List<String> FORMATS = List.of("+91 98111 22233", "098111 22233", "9811122233", "+919811122233");
    private static final String PERSON_ADDED = "io.guestlist.kernel.person.PersonAddedEvent";
    private static final String PERSON_REACTIVATED = "io.guestlist.kernel.person.PersonReactivatedEvent";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(PhoneIdentityConcurrencyTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private GuestList guests;

    @BeforeEach
    void client() {
        api = api();
        guests = new GuestList(api);
    }

    @Test
    void sixteenRacingAdds_ofOnePhoneInDifferentFormats_yieldExactlyOnePerson() {
        String workspace = guests.aWorkspaceOwnedBy("alice");
        List<String> units = IntStream.range(0, RACERS).mapToObj(i -> guests.aUnit("alice", workspace, "Unit " + i)).toList();

        List<Api.Response> responses = Race.of(RACERS,
                i -> guests.addPerson("alice", workspace, units.get(i), "Guest " + i, FORMATS.get(i % FORMATS.size())));

        List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).as(responses.toString()).hasSize(1);
        String winner = created.get(0).id();
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(RACERS - 1).allSatisfy(loser -> {
            assertThat(loser.status()).as(loser.body().toString()).isEqualTo(409);
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(loser.body().path("type").asText()).isEqualTo("https://guestlist.io/problems/phone-taken");
            assertThat(loser.body().path("personId").asText()).isEqualTo(winner);
            assertThat(loser.body().path("phone").asText()).isEqualTo(E164);
        });

        Api.Response found = api.get("alice", "/api/v1/workspaces/" + workspace + "/people?phone=9811122233&after=" + head());
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.body().path("items")).singleElement().satisfies(p -> assertThat(p.path("id").asText()).isEqualTo(winner));
        UUID ws = UUID.fromString(workspace);
        assertThat(jdbc.queryForList("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ? AND phone_e164 = ?", UUID.class, ws, E164))
                .containsExactly(UUID.fromString(winner));
        assertThat(jdbc.queryForList("SELECT person_id FROM identities WHERE workspace_id = ?", UUID.class, ws))
                .containsExactly(UUID.fromString(winner));
        assertThat(jdbc.queryForList("SELECT person_id FROM people WHERE workspace_id = ?", UUID.class, ws))
                .containsExactly(UUID.fromString(winner));
        assertThat(jdbc.queryForList("SELECT unit_id FROM guest_units WHERE workspace_id = ? AND invite_target = ?", UUID.class, ws, E164))
                .as("one active invite target (SPEC §2.3)").hasSize(1);
        assertThat(jdbc.queryForList("""
                        SELECT aggregate_identifier FROM domain_event_entry
                         WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'workspaceId' = ?""",
                String.class, PERSON_ADDED, workspace))
                .as("no losing racer left an event behind").containsExactly(winner);
    }

    @Test
    void onePhoneInTwoWorkspaces_isTwoUnrelatedPeople() {
        String first = guests.aWorkspaceOwnedBy("asha");
        String second = guests.aWorkspaceOwnedBy("bela");
        String firstUnit = guests.aUnit("asha", first, "The Sharmas");
        String secondUnit = guests.aUnit("bela", second, "The Sharmas");

        List<Api.Response> responses = Race.of(2, i -> i == 0
                ? guests.addPerson("asha", first, firstUnit, "Ravi", "+91 98111 22233")
                : guests.addPerson("bela", second, secondUnit, "Ravi", "98111 22233"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isEqualTo(201));
        assertThat(responses.get(0).id()).isNotEqualTo(responses.get(1).id());
        assertThat(jdbc.queryForList("SELECT workspace_id, person_id FROM cmd_phone_claim WHERE phone_e164 = ? AND workspace_id IN (?, ?)",
                E164, UUID.fromString(first), UUID.fromString(second))).hasSize(2);
        long head = head();
        for (int i = 0; i < 2; i++) {
            String workspace = i == 0 ? first : second;
            Api.Response found = api.get(i == 0 ? "asha" : "bela", "/api/v1/workspaces/" + workspace + "/people?phone=9811122233&after=" + head);
            assertThat(found.body().path("items")).singleElement()
                    .satisfies(p -> assertThat(p.path("id").asText()).isEqualTo(responses.get(workspace.equals(first) ? 0 : 1).id()));
        }
    }

    /** AddPerson claims the phone before it checks the name: the rejected command must take its claim with it. */
    @Test
    void commandRejectedAfterItsPhoneClaim_leavesNoClaimAndNoEvent() {
        String workspace = guests.aWorkspaceOwnedBy("carla");
        String unit = guests.aUnit("carla", workspace, "The Kapoors");
        UUID ws = UUID.fromString(workspace);
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        Api.Response rejected = guests.addPerson("carla", workspace, unit, "  ", "+91 98111 22233");

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cmd_phone_claim WHERE workspace_id = ?", Integer.class, ws)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(eventsBefore);

        Api.Response added = guests.addPerson("carla", workspace, unit, "Ravi", "9811122233");
        assertThat(added.status()).as("the phone is still free: " + added.body()).isEqualTo(201);
    }

    @Test
    void phoneChangedToAnotherValidPhone_movesTheClaim_andFreesTheOldPhone() {
        String workspace = guests.aWorkspaceOwnedBy("dina");
        String unit = guests.aUnit("dina", workspace, "The Mehtas");
        String ravi = guests.addPerson("dina", workspace, unit, "Ravi", "+91 98111 22233").id();

        Api.Response changed = api.patch("dina", "/api/v1/workspaces/" + workspace + "/people/" + ravi, Map.of("phone", "98111 44455"));

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(claims(workspace)).containsExactly(Map.of("phone_e164", "+919811144455", "person_id", UUID.fromString(ravi)));
        Api.Response other = guests.addPerson("dina", workspace, unit, "Asha", "9811122233");
        assertThat(other.status()).as("the old phone is free again: " + other.body()).isEqualTo(201);
    }

    @Test
    void phoneChangedToAPhoneSomeoneHolds_is409_andEveryClaimStays() {
        String workspace = guests.aWorkspaceOwnedBy("ema");
        String unit = guests.aUnit("ema", workspace, "The Mehtas");
        String ravi = guests.addPerson("ema", workspace, unit, "Ravi", "+91 98111 22233").id();
        String asha = guests.addPerson("ema", workspace, unit, "Asha", "+91 98111 44455").id();
        var before = claims(workspace);

        Api.Response rejected = api.patch("ema", "/api/v1/workspaces/" + workspace + "/people/" + ravi, Map.of("phone", "98111 44455"));

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(409);
        assertThat(rejected.body().path("type").asText()).isEqualTo("https://guestlist.io/problems/phone-taken");
        assertThat(rejected.body().path("personId").asText()).isEqualTo(asha);
        assertThat(claims(workspace)).isEqualTo(before).hasSize(2);
    }

    @Test
    void sixteenRacingReadds_ofARemovedPersonsPhone_reactivateHerExactlyOnce() {
        String workspace = guests.aWorkspaceOwnedBy("fara");
        List<String> units = IntStream.range(0, RACERS).mapToObj(i -> guests.aUnit("fara", workspace, "Unit " + i)).toList();
        String asha = guests.addPerson("fara", workspace, units.get(0), "Asha", "+91 98111 22233").id();
        assertThat(api.delete("fara", "/api/v1/workspaces/" + workspace + "/units/" + units.get(0) + "/members/" + asha).status()).isEqualTo(200);

        List<Api.Response> responses = Race.of(RACERS,
                i -> guests.addPerson("fara", workspace, units.get(i), "Guest " + i, FORMATS.get(i % FORMATS.size())));

        List<Api.Response> reactivated = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(reactivated).as(responses.toString()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(asha);
            assertThat(r.body().path("reactivated").asBoolean()).isTrue();
        });
        assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(RACERS - 1).allSatisfy(loser -> {
            assertThat(loser.status()).as(loser.body().toString()).isEqualTo(409);
            assertThat(loser.body().path("type").asText()).isEqualTo("https://guestlist.io/problems/phone-taken");
            assertThat(loser.body().path("personId").asText()).isEqualTo(asha);
        });
        UUID ws = UUID.fromString(workspace);
        assertThat(jdbc.queryForList("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ?", UUID.class, ws))
                .containsExactly(UUID.fromString(asha));
        assertThat(jdbc.queryForList("SELECT person_id FROM cmd_unit_member WHERE person_id = ?", UUID.class, UUID.fromString(asha)))
                .as("one membership (SPEC §2.2)").hasSize(1);
        assertThat(eventsOf(PERSON_REACTIVATED, workspace)).containsExactly(asha);
        assertThat(eventsOf(PERSON_ADDED, workspace)).as("no racer created a person").containsExactly(asha);
    }

    /** A delete racing re-adds: whatever the order, the phone has at most one holder and that holder is a member. */
    @Test
    void aDeleteRacingReadds_leavesThePhoneWithAtMostOneActiveHolder() {
        String workspace = guests.aWorkspaceOwnedBy("gita");
        String unit = guests.aUnit("gita", workspace, "The Mehtas");
        String asha = guests.addPerson("gita", workspace, unit, "Asha", "+91 98111 22233").id();
        assertThat(api.delete("gita", "/api/v1/workspaces/" + workspace + "/units/" + unit + "/members/" + asha).status()).isEqualTo(200);

        List<Api.Response> responses = Race.of(RACERS, i -> i == 0
                ? api.delete("gita", "/api/v1/workspaces/" + workspace + "/people/" + asha)
                : guests.addPerson("gita", workspace, unit, "Guest " + i, FORMATS.get(i % FORMATS.size())));

        assertThat(responses.get(0).status()).as(responses.get(0).body().toString()).isEqualTo(200);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isIn(200, 201, 409));
        assertThat(responses).filteredOn(r -> r.status() == 201).as("at most one new person").hasSizeLessThanOrEqualTo(1);
        UUID ws = UUID.fromString(workspace);
        List<UUID> holders = jdbc.queryForList("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ?", UUID.class, ws);
        assertThat(holders).hasSizeLessThanOrEqualTo(1).doesNotContain(UUID.fromString(asha));
        assertThat(jdbc.queryForList("SELECT person_id FROM cmd_unit_member WHERE unit_id = ?", UUID.class, UUID.fromString(unit)))
                .as("the holder, if any, is the only member").containsExactlyElementsOf(holders);
    }

    private List<String> eventsOf(String payloadType, String workspace) {
        return jdbc.queryForList("""
                        SELECT aggregate_identifier FROM domain_event_entry
                         WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'workspaceId' = ?""",
                String.class, payloadType, workspace);
    }

    private List<Map<String, Object>> claims(String workspace) {
        return jdbc.queryForList("SELECT phone_e164, person_id FROM cmd_phone_claim WHERE workspace_id = ? ORDER BY phone_e164",
                UUID.fromString(workspace));
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }
}
