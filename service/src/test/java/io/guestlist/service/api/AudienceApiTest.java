package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static io.guestlist.service.support.Occasions.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The events API: commands with positions, the event and its audience as read back, CSV export, and who may do what. */
class AudienceApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AudienceApiTest.class, registry);
    }

    private Api api;
    private GuestList guests;
    private Occasions events;
    private String workspace;

    @BeforeEach
    void aWorkspaceWithAViewer() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        events = new Occasions(api, "alice", workspace);
    }

    @Test
    void createRenameAndArchive_eachAnsweredWithPosition_andReadBack() {
        Api.Response created = api.post("alice", events.events(), Map.of("name", " Mehndi "));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo(events.events() + "/" + created.id());
        assertThat(created.position()).isPositive();
        String mehndi = created.id();

        long renamed = ok(api.patch("alice", events.events() + "/" + mehndi, Map.of("name", "Sangeet")));
        JsonNode list = api.get("victor", events.events() + "?after=" + renamed).body();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("name").asText()).isEqualTo("Sangeet");
        assertThat(list.path("items").get(0).path("status").asText()).isEqualTo("ACTIVE");

        JsonNode detail = api.get("victor", events.events() + "/" + mehndi + "?after=" + renamed).body();
        assertThat(detail.path("createdBy").asText()).isEqualTo("alice");
        assertThat(detail.path("rules").path("include").path("all").asBoolean()).isFalse();
        assertThat(detail.path("rules").path("include").path("tagMatch").asText()).isEqualTo("ANY");

        long archived = ok(api.patch("alice", events.events() + "/" + mehndi, Map.of("status", "ARCHIVED")));
        assertThat(api.get("alice", events.events() + "/" + mehndi + "?after=" + archived).body().path("status").asText()).isEqualTo("ARCHIVED");
        assertProblem(events.setRules(mehndi, Map.of("include", Map.of("all", true))), 409, "state-conflict");
    }

    @Test
    void rulesAndOverrides_areReadBackAsStored() {
        String mehndi = events.anEvent("Mehndi");
        String sharmas = events.aUnit("The Sharmas", "Bride", List.of("family"));
        ok(events.setRules(mehndi, Map.of("include", Map.of("sides", List.of("bride"), "tags", List.of("family", "college"), "tagMatch", "ALL"),
                "exclude", Map.of("tags", List.of("no-kids-event")))));
        long overridden = ok(events.override(mehndi, sharmas, "FORCE_EXCLUDE"));

        JsonNode detail = api.get("alice", events.events() + "/" + mehndi + "?after=" + overridden).body();
        assertThat(detail.path("rules").toString()).isEqualTo("""
                {"include":{"all":false,"sides":["Bride"],"tags":["college","family"],"tagMatch":"ALL"},"exclude":{"sides":[],"tags":["no-kids-event"]}}""");
        assertThat(detail.path("overrides").get(0).path("unitId").asText()).isEqualTo(sharmas);
        assertThat(detail.path("overrides").get(0).path("unitName").asText()).isEqualTo("The Sharmas");
        assertThat(detail.path("overrides").get(0).path("mode").asText()).isEqualTo("FORCE_EXCLUDE");
        assertThat(detail.path("overrides").get(0).path("setBy").asText()).isEqualTo("alice");

        long cleared = ok(events.clearOverride(mehndi, sharmas));
        assertThat(api.get("alice", events.events() + "/" + mehndi + "?after=" + cleared).body().path("overrides")).isEmpty();
        assertThat(ok(events.clearOverride(mehndi, sharmas))).as("clearing again changes nothing").isEqualTo(cleared);
    }

    @Test
    void audiencePage_itemsTotalsFilterAndPaging() {
        String reception = events.anEvent("Reception");
        String aarav = events.aUnit("Aarav", "Bride", List.of("family"));
        ok(guests.addPerson("alice", workspace, aarav, "Aarav Mehta", "+91 98765 43210"));
        ok(guests.addPerson("alice", workspace, aarav, "Isha Mehta", null));
        events.aUnit("bhatia", "Bride", List.of());
        String chawla = events.aUnit("Chawla", "Bride", List.of("college", "family"));
        ok(guests.addPerson("alice", workspace, chawla, "Kabir Chawla", null));
        String dev = events.aUnit("Dev", "Groom", List.of());
        ok(guests.addPerson("alice", workspace, dev, "Dev Rao", "9876543211"));
        events.aUnit("Eshan", "Groom", List.of());
        ok(events.setRules(reception, Map.of("include", Map.of("sides", List.of("Bride")))));
        long last = ok(events.override(reception, dev, "FORCE_INCLUDE"));

        JsonNode page = events.audience(reception, last, "").body();
        assertThat(names(page)).containsExactly("Aarav", "bhatia", "Chawla", "Dev");
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(page.path("totals").toString()).isEqualTo("{\"units\":4,\"inviteableUnits\":2,\"people\":4}");
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("unitId").asText()).isEqualTo(aarav);
        assertThat(first.path("side").asText()).isEqualTo("Bride");
        assertThat(first.path("tags").toString()).isEqualTo("[\"family\"]");
        assertThat(first.path("memberCount").asInt()).isEqualTo(2);
        assertThat(first.path("inviteTarget").asText()).isEqualTo("+919876543210");
        assertThat(first.path("inviteable").asBoolean()).isTrue();
        assertThat(first.path("reason").asText()).isEqualTo("RULE");
        assertThat(first.path("notInviteableReason").isNull()).isTrue();
        assertThat(page.path("items").get(1).path("notInviteableReason").asText()).isEqualTo("NO_MEMBERS");
        assertThat(page.path("items").get(2).path("notInviteableReason").asText()).isEqualTo("NO_VALID_PHONE");
        assertThat(page.path("items").get(3).path("reason").asText()).isEqualTo("FORCE_INCLUDE");

        JsonNode inviteable = events.audience(reception, last, "inviteable=true").body();
        assertThat(names(inviteable)).containsExactly("Aarav", "Dev");
        assertThat(inviteable.path("total").asLong()).isEqualTo(2);
        assertThat(inviteable.path("totals").path("units").asLong()).isEqualTo(4);

        JsonNode second = events.audience(reception, last, "size=1&page=1").body();
        assertThat(names(second)).containsExactly("bhatia");
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(1);
    }

    @Test
    void csvExport_neutralisesFormulas_andKeepsPhonesUsable() throws IOException {
        String party = events.anEvent("After-party");
        String evil = events.aUnit("=HYPERLINK(\"http://evil.example\",\"x\")", "Groom", List.of("-cmd", "@vip", "friends"));
        ok(guests.addPerson("alice", workspace, evil, "Mallory", "+91 98765 43212"));
        events.aUnit("Plain, \"quoted\" family", "Groom", List.of());
        long last = ok(events.setRules(party, Map.of("include", Map.of("all", true))));

        Api.Response response = api.get("victor", events.events() + "/" + party + "/audience.csv?after=" + last);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = parse(response.body().asText());

        assertThat(rows.get(0).values()).containsExactly("unit_id", "unit_name", "side", "tags", "member_count", "invite_target",
                "invite_target_digits", "inviteable", "reason", "not_inviteable_reason");
        CSVRecord mallory = rows.get(1);
        assertThat(mallory.get(0)).isEqualTo(evil);
        assertThat(mallory.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(mallory.get(3)).isEqualTo("'-cmd; @vip; friends");
        assertThat(mallory.get(5)).isEqualTo("'+919876543212");
        assertThat(mallory.get(6)).isEqualTo("919876543212");
        assertThat(mallory.get(7)).isEqualTo("true");
        assertThat(rows.get(2).get(1)).isEqualTo("Plain, \"quoted\" family");
        assertThat(rows.get(2).get(9)).isEqualTo("NO_MEMBERS");
        assertThat(rows).allSatisfy(row -> assertThat(row.values()).allSatisfy(cell -> assertThat(cell).doesNotStartWith("=")
                .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));

        List<CSVRecord> inviteable = parse(api.get("alice", events.events() + "/" + party + "/audience.csv?inviteable=true").body().asText());
        assertThat(inviteable).hasSize(2);
    }

    @Test
    void viewer_readsButChangesNothing() {
        Api.Response created = api.post("alice", events.events(), Map.of("name", "Mehndi"));
        String mehndi = created.id();
        String unit = events.aUnit("The Sharmas", null, List.of());
        assertProblem(api.post("victor", events.events(), Map.of("name", "Viewer's party")), 403, "forbidden");
        assertProblem(api.patch("victor", events.events() + "/" + mehndi, Map.of("name", "Renamed")), 403, "forbidden");
        assertProblem(api.put("victor", events.events() + "/" + mehndi + "/audience/rules", Map.of("include", Map.of("all", true))), 403, "forbidden");
        assertProblem(api.put("victor", events.events() + "/" + mehndi + "/audience/overrides/" + unit, Map.of("mode", "FORCE_INCLUDE")), 403, "forbidden");
        assertProblem(api.delete("victor", events.events() + "/" + mehndi + "/audience/overrides/" + unit), 403, "forbidden");
        assertThat(api.get("victor", events.events() + "/" + mehndi + "/audience?after=" + created.position()).status()).isEqualTo(200);
    }

    @Test
    void nonMember_findsNothing() {
        String mehndi = events.anEvent("Mehndi");
        for (String path : List.of(events.events(), events.events() + "/" + mehndi, events.events() + "/" + mehndi + "/audience",
                events.events() + "/" + mehndi + "/audience.csv")) {
            assertProblem(api.get("mallory", path), 404, "not-found");
        }
        assertProblem(api.post("mallory", events.events(), Map.of("name", "Gatecrash")), 404, "not-found");
        assertProblem(api.put("mallory", events.events() + "/" + mehndi + "/audience/rules", Map.of("include", Map.of("all", true))), 404, "not-found");
    }

    @Test
    void anotherWorkspacesEvent_doesNotExistHere() {
        String mehndi = events.anEvent("Mehndi");
        String bobs = guests.aWorkspaceOwnedBy("bob");
        String bobsEvents = "/api/v1/workspaces/" + bobs + "/events/" + mehndi;
        assertProblem(api.get("bob", bobsEvents), 404, "not-found");
        assertProblem(api.get("bob", bobsEvents + "/audience"), 404, "not-found");
        assertProblem(api.put("bob", bobsEvents + "/audience/rules", Map.of("include", Map.of("all", true))), 404, "not-found");
    }

    @Test
    void invalidInput_isValidationOrNotFoundProblem() {
        String mehndi = events.anEvent("Mehndi");
        String unit = events.aUnit("The Sharmas", null, List.of());
        String rules = events.events() + "/" + mehndi + "/audience/rules";
        assertProblem(api.post("alice", events.events(), Map.of("name", " ")), 400, "validation");
        assertProblem(api.put("alice", rules, Map.of("include", Map.of("tags", List.of("a"), "tagMatch", "SOME"))), 400, "validation");
        assertProblem(api.put("alice", rules, Map.of("include", Map.of("sides", List.of("Caterers")))), 400, "validation");
        assertProblem(api.put("alice", rules, Map.of("exclude", Map.of("tags", List.of(" ")))), 400, "validation");
        assertProblem(events.override(mehndi, unit, "MAYBE"), 400, "validation");
        assertProblem(api.patch("alice", events.events() + "/" + mehndi, Map.of("status", "ACTIVE")), 400, "validation");
        assertProblem(events.override(mehndi, java.util.UUID.randomUUID().toString(), "FORCE_INCLUDE"), 404, "not-found");
        assertProblem(events.setRules(java.util.UUID.randomUUID().toString(), Map.of("include", Map.of("all", true))), 404, "not-found");
        assertProblem(api.get("alice", events.events() + "/" + java.util.UUID.randomUUID() + "/audience"), 404, "not-found");
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("name").asText()).toList();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }
}
