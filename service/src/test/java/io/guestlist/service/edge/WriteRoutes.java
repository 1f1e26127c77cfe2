package io.guestlist.service.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.guestlist.service.support.Api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every route that writes, each as a function of one hostile value put in one field, against a
 * workspace with a unit, a person and an event. Bodies are JSON with every non-ASCII character
 * escaped, so NUL, C1 controls and unpaired surrogates reach the service exactly as given.
 */
final class WriteRoutes {

    record Route(String name, Function<String, Api.Response> send) {
    }

    record CountRoute(String name, String field, Function<List<String>, Api.Response> send) {
    }

    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final Api api;
    private final String user;
    private final String ws;
    private final String unit;
    private final String person;
    private final String event;

    WriteRoutes(Api api, String user, String workspace, String unit, String person, String event) {
        this.api = api;
        this.user = user;
        this.ws = "/api/v1/workspaces/" + workspace;
        this.unit = unit;
        this.person = person;
        this.event = event;
    }

    /** The routes that take one text value. */
    List<Route> text() {
        return List.of(
                new Route("create workspace: name", v -> post("/api/v1/workspaces", Map.of("name", v, "defaultRegion", "IN"))),
                new Route("create workspace: defaultRegion", v -> post("/api/v1/workspaces", Map.of("name", "Edge", "defaultRegion", v))),
                new Route("create workspace: sides", v -> post("/api/v1/workspaces", Map.of("name", "Edge", "defaultRegion", "IN", "sides", List.of(v)))),
                new Route("add member: userId", v -> post(ws + "/members", Map.of("userId", v, "role", "VIEWER"))),
                new Route("create unit: name", v -> post(ws + "/units", Map.of("name", v))),
                new Route("create unit: side", v -> post(ws + "/units", Map.of("name", "Edge unit", "side", v))),
                new Route("create unit: tags", v -> post(ws + "/units", Map.of("name", "Edge unit", "tags", List.of(v)))),
                new Route("rename unit", v -> patch(ws + "/units/" + unit, Map.of("name", v))),
                new Route("set unit side", v -> patch(ws + "/units/" + unit, Map.of("side", v))),
                new Route("set unit tags", v -> patch(ws + "/units/" + unit, Map.of("tags", List.of(v)))),
                new Route("add person: name", v -> post(ws + "/units/" + unit + "/members", Map.of("name", v))),
                new Route("add person: phone", v -> post(ws + "/units/" + unit + "/members", Map.of("name", "Edge person", "phone", v))),
                new Route("add person: country", v -> post(ws + "/units/" + unit + "/members",
                        Map.of("name", "Edge person", "phone", "12", "country", v))),
                new Route("add person: email", v -> post(ws + "/units/" + unit + "/members", Map.of("name", "Edge person", "email", v))),
                new Route("add person: notes", v -> post(ws + "/units/" + unit + "/members", Map.of("name", "Edge person", "notes", v))),
                new Route("edit person: email", v -> patch(ws + "/people/" + person, Map.of("email", v))),
                new Route("edit person: notes", v -> patch(ws + "/people/" + person, Map.of("notes", v))),
                new Route("edit workspace: name", v -> patch(ws, Map.of("name", v))),
                new Route("edit workspace: defaultRegion", v -> patch(ws, Map.of("defaultRegion", v))),
                new Route("edit workspace: sides", v -> patch(ws, Map.of("sides", List.of("Bride", "Groom", "Both", v)))),
                new Route("edit workspace: renamedSides", v -> patch(ws, Map.of("sides", List.of("Bride", "Groom", v),
                        "renamedSides", Map.of("Both", v)))),
                new Route("rename tag: to", v -> post(ws + "/tags/edge/rename", Map.of("to", v))),
                new Route("rename person", v -> patch(ws + "/people/" + person, Map.of("name", v))),
                new Route("change person phone", v -> patch(ws + "/people/" + person, Map.of("phone", v))),
                new Route("create event", v -> post(ws + "/events", Map.of("name", v))),
                new Route("rename event", v -> patch(ws + "/events/" + event, Map.of("name", v))),
                new Route("rules: include.tags", v -> rules(Map.of("include", Map.of("tags", List.of(v))))),
                new Route("rules: include.sides", v -> rules(Map.of("include", Map.of("sides", List.of(v))))),
                new Route("rules: exclude.tags", v -> rules(Map.of("include", Map.of("all", true), "exclude", Map.of("tags", List.of(v))))),
                new Route("rules: exclude.sides", v -> rules(Map.of("include", Map.of("all", true), "exclude", Map.of("sides", List.of(v))))),
                new Route("override: mode", v -> send("PUT", ws + "/events/" + event + "/audience/overrides/" + unit, Map.of("mode", v))),
                new Route("import: file name", v -> api.postFile(user, ws + "/imports?channel=CSV&dryRun=true", v, "text/csv",
                        "name\nAsha\n".getBytes(StandardCharsets.UTF_8))));
    }

    /** The routes that take a list whose length is bounded. */
    List<CountRoute> counts() {
        return List.of(
                new CountRoute("create unit: tags", "tags", l -> post(ws + "/units", Map.of("name", "Edge unit", "tags", l))),
                new CountRoute("set unit tags", "tags", l -> patch(ws + "/units/" + unit, Map.of("tags", l))),
                new CountRoute("create workspace: sides", "sides", l -> post("/api/v1/workspaces", Map.of("name", "Edge", "defaultRegion", "IN", "sides", l))),
                new CountRoute("rules: include.tags", "include.tags", l -> rules(Map.of("include", Map.of("tags", l)))),
                new CountRoute("rules: include.sides", "include.sides", l -> rules(Map.of("include", Map.of("sides", l)))),
                new CountRoute("rules: exclude.tags", "exclude.tags", l -> rules(Map.of("include", Map.of("all", true), "exclude", Map.of("tags", l)))),
                new CountRoute("rules: exclude.sides", "exclude.sides", l -> rules(Map.of("include", Map.of("all", true), "exclude", Map.of("sides", l)))));
    }

    /** Submits an import payload as the request body. */
    Api.Response importPayload(String channel, String contentType, byte[] payload) {
        return api.postBytes(user, ws + "/imports?channel=" + channel, contentType, payload, Map.of());
    }

    static String json(Object body) {
        try {
            return ESCAPING.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response rules(Object body) {
        return send("PUT", ws + "/events/" + event + "/audience/rules", body);
    }

    private Api.Response post(String path, Object body) {
        return send("POST", path, body);
    }

    private Api.Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    private Api.Response send(String method, String path, Object body) {
        return api.send(user, method, path, json(body), Map.of());
    }
}
