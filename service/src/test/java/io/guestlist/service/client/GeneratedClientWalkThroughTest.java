package io.guestlist.service.client;

import io.guestlist.client.ApiClient;
import io.guestlist.client.ApiException;
import io.guestlist.client.api.EventsAndAudiencesApi;
import io.guestlist.client.api.ImportsApi;
import io.guestlist.client.api.PeopleApi;
import io.guestlist.client.api.UnitsApi;
import io.guestlist.client.api.WorkspacesApi;
import io.guestlist.client.model.AddPerson;
import io.guestlist.client.model.AudiencePage;
import io.guestlist.client.model.AudienceUnit;
import io.guestlist.client.model.CommandAccepted;
import io.guestlist.client.model.CreateUnit;
import io.guestlist.client.model.CreateWorkspace;
import io.guestlist.client.model.ImportRunBody;
import io.guestlist.client.model.IncludeBody;
import io.guestlist.client.model.NameBody;
import io.guestlist.client.model.Reactivated;
import io.guestlist.client.model.RulesBody;
import io.guestlist.client.model.UnitChange;
import io.guestlist.client.model.UnitDetail;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The README's walk-through, on the typed client that openapi-generator makes at build time from the
 * committed OpenAPI document: a document that drifts from the service breaks this test (or its build).
 */
class GeneratedClientWalkThroughTest extends ServiceTest {

    @TempDir
    Path files;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(GeneratedClientWalkThroughTest.class, registry);
    }

    @Test
    void createAWorkspace_addAHouseholdAndAPerson_importACsv_andReadTheAudience() throws Exception {
        ApiClient client = client("alice");
        WorkspacesApi workspaces = new WorkspacesApi(client);
        UnitsApi units = new UnitsApi(client);
        PeopleApi people = new PeopleApi(client);
        ImportsApi imports = new ImportsApi(client);
        EventsAndAudiencesApi events = new EventsAndAudiencesApi(client);

        UUID ws = workspaces.createWorkspace(new CreateWorkspace().name("Asha & Rohan").defaultRegion("IN")).getId();
        UUID unit = units.createUnit(ws, new CreateUnit().name("The Sharma Family").side("Bride").tags(List.of("family"))).getId();
        Reactivated anita = people.addPerson(ws, unit, new AddPerson().name("Anita Sharma").phone("098111 22233"));

        UnitDetail read = units.getUnit(ws, unit, anita.getPosition(), null);
        assertThat(read.getName()).isEqualTo("The Sharma Family");
        assertThat(read.getMembers()).singleElement().satisfies(member -> assertThat(member.getPhone()).isEqualTo("+919811122233"));

        File csv = Files.writeString(files.resolve("guests.csv"),
                "Name,Phone,Household,Side\nRavi Sharma,+91 98111 22234,The Sharma Family,Bride\n").toFile();
        ImportRunBody run = imports.submitImport(ws, "CSV", false, null, null, csv);
        assertThat(run.getTotalRows()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "COMPLETED".equals(imports.getImportRun(ws, run.getId(), null).getStatus()));

        UUID sangeet = events.createEvent(ws, new NameBody().name("Sangeet")).getId();
        CommandAccepted rules = events.setAudienceRules(ws, sangeet,
                new RulesBody().include(new IncludeBody().sides(List.of("Bride"))), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AudiencePage audience = events.getAudience(ws, sangeet, false, null, null, null, rules.getPosition(), null);
            assertThat(audience.getTotals().getPeople()).isEqualTo(2);
            assertThat(audience.getItems()).extracting(AudienceUnit::getName).containsOnly("The Sharma Family");
        });
    }

    /** The If-Match flow of the README, typed: a second edit on the version both read is a 412 and changes nothing. */
    @Test
    void aStaleIfMatch_isA412_throughTheClient() throws Exception {
        ApiClient client = client("bob");
        UnitsApi units = new UnitsApi(client);
        UUID ws = new WorkspacesApi(client).createWorkspace(new CreateWorkspace().name("Meera & Arjun").defaultRegion("IN")).getId();
        CommandAccepted created = units.createUnit(ws, new CreateUnit().name("The Rao Family").side("Groom"));
        String etag = units.getUnitWithHttpInfo(ws, created.getId(), created.getPosition(), null).getHeaders().get("etag").get(0);

        CommandAccepted renamed = units.changeUnit(ws, created.getId(), new UnitChange().name("The Rao-Iyer Family"), etag);
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> units.changeUnit(ws, created.getId(), new UnitChange().name("The Iyer Family"), etag));

        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseBody()).contains("https://guestlist.io/problems/precondition-failed");
        assertThat(units.getUnit(ws, created.getId(), renamed.getPosition(), null).getName()).isEqualTo("The Rao-Iyer Family");
    }

    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Api.tokenFor(user)));
        return client;
    }
}
