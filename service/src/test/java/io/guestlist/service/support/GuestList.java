package io.guestlist.service.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixture steps over the API that read like English: {@code aWorkspaceOwnedBy("alice")}. */
public final class GuestList {

    private final Api api;

    public GuestList(Api api) {
        this.api = api;
    }

    public String aWorkspaceOwnedBy(String owner) {
        Api.Response created = api.post(owner, "/api/v1/workspaces", Map.of("name", "Wedding of " + owner, "defaultRegion", "IN"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    public String aUnit(String user, String workspace, String name) {
        Api.Response created = api.post(user, "/api/v1/workspaces/" + workspace + "/units", Map.of("name", name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    public Api.Response addPerson(String user, String workspace, String unit, String name, String phone) {
        Map<String, Object> body = phone == null ? Map.of("name", name) : Map.of("name", name, "phone", phone);
        return api.post(user, "/api/v1/workspaces/" + workspace + "/units/" + unit + "/members", body);
    }

    public void addMember(String owner, String workspace, String userId, String role) {
        Api.Response added = api.post(owner, "/api/v1/workspaces/" + workspace + "/members", Map.of("userId", userId, "role", role));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    }
}
