package io.guestlist.service.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.guestlist.service.edge.EdgeCorpusTest.utf8;
import static org.awaitility.Awaitility.await;

/**
 * The hostile values as import rows of every channel (CSV, vCard, MANUAL and Contact-Picker JSON),
 * each value in every text column, and three payloads whose NUL must be stripped with a row warning.
 * A value longer than an import field goes alone, as it refuses its whole payload.
 */
final class ImportCorpus {

    record Submitted(String what, Api.Response answer) {
    }

    static final String STRIPPED = "control_characters_removed";

    private final Api api;
    private final String user;
    private final String imports;
    private final WriteRoutes routes;
    private final List<String> runs = new ArrayList<>();
    private final Map<String, String> strippedNames = new LinkedHashMap<>();
    private long phones = 9_800_000_000L;

    ImportCorpus(Api api, String user, String workspace, WriteRoutes routes) {
        this.api = api;
        this.user = user;
        this.imports = "/api/v1/workspaces/" + workspace + "/imports";
        this.routes = routes;
    }

    List<Submitted> submitTheCorpusThroughEveryChannel() {
        List<Submitted> submitted = new ArrayList<>();
        List<String> values = HostileValues.all();
        List<String> fitting = values.stream().filter(v -> v.length() <= 1000).toList();
        submitted.add(submit("CSV corpus", "CSV", "text/csv", csv(fitting)));
        submitted.add(submit("vCard corpus", "CONTACTS", "text/vcard", vcards(fitting)));
        submitted.add(submit("MANUAL corpus", "MANUAL", "application/json", manual(fitting)));
        submitted.add(submit("Contact-Picker corpus", "CONTACTS", "application/json", picker(fitting)));
        for (String oversized : values.stream().filter(v -> v.length() > 1000).toList()) {
            submitted.add(submit("CSV " + oversized.length() + " chars", "CSV", "text/csv", csv(List.of(oversized))));
            submitted.add(submit("MANUAL " + oversized.length() + " chars", "MANUAL", "application/json", manual(List.of(oversized))));
        }
        submitted.add(stripped("MANUAL with NUL", "MANUAL", "application/json", "AshaSharma",
                manual(List.of("Asha\u0000Sharma"))));
        submitted.add(stripped("Contact-Picker with NUL", "CONTACTS", "application/json", "RaviVerma",
                picker(List.of("Ravi\u0000Verma"))));
        submitted.add(stripped("vCard with quoted-printable NUL", "CONTACTS", "text/vcard", "AB",
                "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:A=00B\r\nTEL;CELL:" + nextPhone() + "\r\nEND:VCARD\r\n"));
        return submitted;
    }

    void awaitEveryRunFinished() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> runs.stream().map(this::status).allMatch(s -> s.equals("COMPLETED") || s.equals("FAILED")));
    }

    /** What is wrong with the runs: one that failed, or a NUL payload's row without its warning or still holding NUL. */
    List<String> controlCharactersStrippedWithAWarning() {
        List<String> wrong = new ArrayList<>();
        runs.stream().filter(run -> !status(run).equals("COMPLETED"))
                .forEach(run -> wrong.add("import run " + run + " did not complete: " + api.get(user, imports + "/" + run).body()));
        strippedNames.forEach((run, name) -> {
            JsonNode row = api.get(user, imports + "/" + run + "/rows").body().path("items").path(0);
            boolean warned = row.path("warnings").toString().contains(STRIPPED);
            if (!warned || !name.equals(row.path("parsed").path("name").asText()) || row.toString().contains("\\u0000")) {
                wrong.add("import run " + run + ": expected the name " + name + " and the warning " + STRIPPED + ", got " + row);
            }
        });
        return wrong;
    }

    private Submitted stripped(String what, String channel, String contentType, String cleanName, String payload) {
        Submitted submitted = submit(what, channel, contentType, payload);
        if (submitted.answer().status() == 202) {
            strippedNames.put(submitted.answer().id(), cleanName);
        } else {
            return new Submitted(what + " (expected 202)", new Api.Response(599, "", null, submitted.answer().body()));
        }
        return submitted;
    }

    private Submitted submit(String what, String channel, String contentType, String payload) {
        Api.Response answer = routes.importPayload(channel, contentType, utf8(payload));
        if (answer.status() == 202) {
            runs.add(answer.id());
        }
        return new Submitted("import " + what, answer);
    }

    private String status(String run) {
        return api.get(user, imports + "/" + run).body().path("status").asText();
    }

    private String csv(List<String> values) {
        return "name,household,side,tags,notes,phone\r\n" + rows(values, v -> String.join(",", quoted(v), quoted(v), quoted(v),
                quoted(v), quoted(v), nextPhone()) + "\r\n");
    }

    private String vcards(List<String> values) {
        return rows(values, v -> "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + v + "\r\nNOTE:" + v + "\r\nTEL;TYPE=CELL:" + nextPhone()
                + "\r\nEND:VCARD\r\n");
    }

    private String manual(List<String> values) {
        return WriteRoutes.json(values.stream().map(v -> Map.of("name", v, "phone", nextPhone(), "household", v, "side", v,
                "tags", List.of(v), "notes", v, "email", v)).toList());
    }

    private String picker(List<String> values) {
        return WriteRoutes.json(values.stream().map(v -> Map.of("name", List.of(v), "tel", List.of(nextPhone()),
                "email", List.of(v))).toList());
    }

    private static String rows(List<String> values, Function<String, String> row) {
        StringBuilder rows = new StringBuilder();
        values.forEach(v -> rows.append(row.apply(v)));
        return rows.toString();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private String nextPhone() {
        return "+91" + (++phones);
    }
}
