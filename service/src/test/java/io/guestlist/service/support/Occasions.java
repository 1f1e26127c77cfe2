package io.guestlist.service.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps over the events API ({@code Occasion} in code) that read like English: {@code anEvent("Mehndi")}. */
public final class Occasions {

    private final Api api;
    private final String user;
    private final String workspace;

    public Occasions(Api api, String user, String workspace) {
        this.api = api;
        this.user = user;
        this.workspace = workspace;
    }

    public String events() {
        return "/api/v1/workspaces/" + workspace + "/events";
    }

    public String anEvent(String name) {
        Api.Response created = api.post(user, events(), Map.of("name", name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    /** A unit with a side (or none) and tags; its id. */
    public String aUnit(String name, String side, List<String> tags) {
        Map<String, Object> body = side == null ? Map.of("name", name, "tags", tags) : Map.of("name", name, "side", side, "tags", tags);
        Api.Response created = api.post(user, "/api/v1/workspaces/" + workspace + "/units", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    public Api.Response setRules(String event, Object rules) {
        return api.put(user, events() + "/" + event + "/audience/rules", rules);
    }

    public Api.Response override(String event, String unit, String mode) {
        return api.put(user, events() + "/" + event + "/audience/overrides/" + unit, Map.of("mode", mode));
    }

    public Api.Response clearOverride(String event, String unit) {
        return api.delete(user, events() + "/" + event + "/audience/overrides/" + unit);
    }

    public Api.Response changeUnit(String unit, Map<String, Object> change) {
        return api.patch(user, "/api/v1/workspaces/" + workspace + "/units/" + unit, change);
    }

    /** The audience page as read after {@code position}. */
    public Api.Response audience(String event, long position, String query) {
        return api.get(user, events() + "/" + event + "/audience?after=" + position + (query.isEmpty() ? "" : "&" + query));
    }

    /** Asserts success and returns the position to read after. */
    public static long ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 201);
        assertThat(response.body().has("position")).as(response.body().toString()).isTrue();
        return response.position();
    }
}
