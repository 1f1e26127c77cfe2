package io.guestlist.service.support;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is problem+json with a stable type: the assertions that say so. */
public final class ProblemAssert {

    public static final String TYPE_BASE = "https://guestlist.io/problems/";

    private ProblemAssert() {
    }

    public static void assertProblem(Api.Response response, int status, String type) {
        assertProblem(response.status(), response.contentType(), response.body(), status, type, response.body().toString());
    }

    public static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertProblem(response.status(), response.contentType(), response.json(), status, type, response.body());
    }

    private static void assertProblem(int actualStatus, String contentType, JsonNode body, int status, String type, String raw) {
        assertThat(actualStatus).as(raw).isEqualTo(status);
        assertThat(contentType).as(raw).startsWith("application/problem+json");
        assertThat(body.path("type").asText()).as(raw).isEqualTo(TYPE_BASE + type);
        assertThat(body.path("status").asInt()).as(raw).isEqualTo(status);
        assertThat(body.path("detail").asText()).as(raw).isNotBlank();
    }
}
