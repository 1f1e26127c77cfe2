package io.guestlist.service.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import io.guestlist.service.edge.WriteRoutes.CountRoute;
import io.guestlist.service.edge.WriteRoutes.Route;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing that passes the edge can stop a projection (issue 8). The naughty-strings corpus, NUL and
 * the other control characters, unpaired surrogates, values longer than any column and lists longer
 * than their bound go through every write route and every import channel (the whole corpus through
 * each import channel; through the other routes, see {@link HostileValues#forRoute}). Each answer is 2xx or a
 * 4xx problem+json, never 5xx; text with a control character is a 400 naming the field (an import
 * strips it instead, with a row warning). Then every streaming processor reaches the head of the
 * event store, and the workspace still reads.
 */
class EdgeCorpusTest extends ServiceTest {

    private static final String OWNER = "edge-owner";
    private static final String VALIDATION = "https://guestlist.io/problems/validation";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(EdgeCorpusTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Serializer serializer;
    @Autowired
    private EventProcessingConfiguration processing;

    private final List<String> wrong = new ArrayList<>();

    @Test
    void hostileInputThroughEveryWriteRoute_isAnsweredWithout5xx_andEveryProcessorReachesTheHead() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy(OWNER);
        String bystander = guests.aWorkspaceOwnedBy("bystander");
        Occasions occasions = new Occasions(api, OWNER, workspace);
        String unit = occasions.aUnit("Edge family", "Bride", List.of("family"));
        occasions.aUnit("No side", null, List.of("family"));
        String person = guests.addPerson(OWNER, workspace, unit, "Edge person", "+919811100000").id();
        String event = occasions.anEvent("Edge event");
        WriteRoutes routes = new WriteRoutes(api, OWNER, workspace, unit, person, event);
        ImportCorpus imports = new ImportCorpus(api, OWNER, workspace, routes);

        sendEveryValueThroughEveryTextRoute(routes);
        sendOversizedCountsThroughEveryCountRoute(routes);
        imports.submitTheCorpusThroughEveryChannel().forEach(this::expectHandled);
        imports.awaitEveryRunFinished();
        wrong.addAll(imports.controlCharactersStrippedWithAWarning());
        assertThat(wrong).as("answers that were wrong").isEmpty();

        awaitEveryProcessorAtTheHead();
        long head = new ProcessorHeads(jdbc, serializer, processing).head();
        readsStillAnswer(api, workspace, unit, person, event, head);
        assertThat(api.get("bystander", "/api/v1/workspaces/" + bystander + "?after=" + head).status()).isEqualTo(200);
    }

    private void sendEveryValueThroughEveryTextRoute(WriteRoutes routes) {
        List<Route> text = routes.text();
        for (int r = 0; r < text.size(); r++) {
            Route route = text.get(r);
            for (String value : HostileValues.forRoute(r, text.size())) {
                Api.Response answer = route.send().apply(value);
                String what = route.name() + " with " + shown(value);
                expectHandled(what, answer);
                boolean multipartHeader = route.name().startsWith("import: file name");
                boolean notes = route.name().endsWith(": notes"); // multi-line, up to InputBounds.NOTES
                if (!CleanText.isClean(value, notes) && !multipartHeader) {
                    expectValidation(what, answer, null);
                }
                if (value.length() > (notes ? InputBounds.NOTES : 1000) && answer.status() < 400) {
                    wrong.add(what + ": a value longer than any column was accepted (" + answer.status() + ")");
                }
            }
        }
    }

    private void sendOversizedCountsThroughEveryCountRoute(WriteRoutes routes) {
        for (CountRoute route : routes.counts()) {
            expectHandled(route.name() + " with 50 values", route.send().apply(HostileValues.labels(50)));
            for (int count : List.of(51, 100_000)) {
                expectValidation(route.name() + " with " + count + " values", route.send().apply(HostileValues.labels(count)), route.field());
            }
        }
    }

    private void expectHandled(String what, Api.Response answer) {
        if (answer.status() >= 500 || answer.status() < 200) {
            wrong.add(what + ": " + answer.status() + " " + answer.body());
        } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            wrong.add(what + ": " + answer.status() + " is not problem+json but " + answer.contentType());
        }
    }

    private void expectHandled(ImportCorpus.Submitted submitted) {
        expectHandled(submitted.what(), submitted.answer());
    }

    private void expectValidation(String what, Api.Response answer, String field) {
        if (answer.status() != 400 || !VALIDATION.equals(answer.body().path("type").asText())
                || (field != null && !field.equals(answer.body().path("field").asText()))) {
            wrong.add(what + ": expected a 400 validation problem" + (field == null ? "" : " naming " + field)
                    + ", got " + answer.status() + " " + answer.body());
        }
    }

    private void awaitEveryProcessorAtTheHead() {
        ProcessorHeads heads = new ProcessorHeads(jdbc, serializer, processing);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            long head = heads.head();
            Map<String, Long> positions = heads.positions();
            assertThat(positions.keySet()).containsAll(heads.streamingProcessors());
            assertThat(positions).as("token positions against head " + head)
                    .allSatisfy((processor, position) -> assertThat(position).as(processor).isGreaterThanOrEqualTo(head));
        });
    }

    private static void readsStillAnswer(Api api, String workspace, String unit, String person, String event, long head) {
        String ws = "/api/v1/workspaces/" + workspace;
        for (String read : List.of("", "/units", "/units/" + unit, "/units/" + unit + "/history", "/people?phone=%2B919811100000",
                "/people/" + person, "/events", "/events/" + event, "/events/" + event + "/audience",
                "/events/" + event + "/audience.csv", "/audit", "/imports")) {
            Api.Response answer = api.get(OWNER, ws + read + (read.contains("?") ? "&" : "?") + "after=" + head);
            assertThat(answer.status()).as(read + ": " + answer.body()).isEqualTo(200);
        }
        Api.Response asOf = api.get(OWNER, ws + "/events/" + event + "/audience?asOf=" + Instant.now());
        assertThat(asOf.status()).as("audience as of now: " + asOf.body()).isEqualTo(200);
    }

    /** The value as JSON with non-ASCII escaped, cut short: readable in a failure message whatever it holds. */
    static String shown(String value) {
        String json = WriteRoutes.json(value);
        return json.length() > 60 ? json.substring(0, 60) + "…(" + value.length() + " chars)" : json;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
