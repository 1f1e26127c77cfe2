package io.guestlist.service.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest list with a history that touches every guest-list and governance event: units with
 * sides and tags, people with valid, malformed and no phones, moves, removals, renames, a phone
 * handed from one person to another, a primary contact, an archive and a restore, a merge, and
 * members added, re-roled and removed. Everything goes through the API as {@code owner} and {@code erin}.
 */
public final class WeddingHistory {

    private final Api api;
    private final GuestList guests;
    private final String owner;
    private String workspace;

    public WeddingHistory(Api api, String owner) {
        this.api = api;
        this.guests = new GuestList(api);
        this.owner = owner;
    }

    /** Writes the history; returns the workspace. */
    public String write() {
        workspace = guests.aWorkspaceOwnedBy(owner);
        guests.addMember(owner, workspace, "erin", "EDITOR");
        guests.addMember(owner, workspace, "victor", "VIEWER");
        guests.addMember(owner, workspace, "temp", "VIEWER");
        ok(api.put(owner, ws("/members/victor"), Map.of("role", "EDITOR")));
        ok(api.delete(owner, ws("/members/temp")));

        String sharmas = unit(owner, "The Sharmas", "Bride", List.of("family", "vip"));
        String guptas = unit("erin", "The Guptas", "Groom", List.of());
        String kapoors = unit(owner, "The Kapoors", null, List.of("college"));
        String singhs = unit(owner, "The Singhs", "Both", List.of());
        String temp = unit("erin", "Temp", null, List.of());

        String asha = person(owner, sharmas, "Asha", "+91 98111 22233");
        String kid = person(owner, sharmas, "Kid", null);
        String ravi = person("erin", guptas, "Ravi", "12345");
        String vikram = person("erin", guptas, "Vikram", "098111 44455");
        String meera = person(owner, kapoors, "Meera", "9811166677");
        String dev = person(owner, singhs, "Dev", "+91 98111 88899");
        person(owner, temp, "Om", "+91 98111 00011");

        ok(api.put(owner, ws("/units/" + guptas + "/primary-contact"), Map.of("personId", ravi)));
        ok(api.put(owner, ws("/units/" + sharmas + "/primary-contact"), Map.of("personId", kid)));
        ok(api.post("erin", ws("/people/" + vikram + "/move"), Map.of("unitId", sharmas)));
        ok(api.post(owner, ws("/people/" + meera + "/move"), Map.of("unitId", guptas)));
        ok(api.delete(owner, ws("/units/" + singhs + "/members/" + dev)));
        ok(api.patch(owner, ws("/units/" + kapoors), Map.of("name", "Kapoor Family")));
        ok(api.patch(owner, ws("/people/" + asha), Map.of("name", "Asha Sharma")));
        ok(api.patch(owner, ws("/units/" + sharmas), Map.of("tags", List.of("family", "college"))));
        Map<String, Object> clearSide = new HashMap<>();
        clearSide.put("side", null);
        ok(api.patch(owner, ws("/units/" + kapoors), clearSide));
        ok(api.patch("erin", ws("/units/" + guptas), Map.of("side", "Both")));
        ok(api.patch(owner, ws("/units/" + singhs), Map.of("status", "ARCHIVED")));
        ok(api.patch(owner, ws("/units/" + kapoors), Map.of("status", "ARCHIVED")));
        ok(api.patch(owner, ws("/units/" + kapoors), Map.of("status", "ACTIVE")));
        ok(api.patch(owner, ws("/people/" + meera), Map.of("phone", "+91 98111 77766")));
        person("erin", kapoors, "Nina", "9811166677");
        ok(api.patch(owner, ws("/people/" + kid), Map.of("phone", "not a phone")));
        ok(api.post(owner, ws("/units/" + temp + "/merge"), Map.of("intoUnitId", kapoors)));
        return workspace;
    }

    private String unit(String user, String name, String side, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("side", side);
        body.put("tags", tags);
        return ok(api.post(user, ws("/units"), body)).id();
    }

    private String person(String user, String unit, String name, String phone) {
        return ok(guests.addPerson(user, workspace, unit, name, phone)).id();
    }

    private String ws(String path) {
        return "/api/v1/workspaces/" + workspace + path;
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 201);
        return response;
    }
}
