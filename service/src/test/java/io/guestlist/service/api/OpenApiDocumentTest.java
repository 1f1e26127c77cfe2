package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document declares the bearer JWT scheme, requires it everywhere under /api/v1, and documents If-Match. */
class OpenApiDocumentTest extends ServiceTest {

    private static final String UNIT = "/api/v1/workspaces/{workspaceId}/units/{unitId}";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(OpenApiDocumentTest.class, registry);
    }

    @Test
    void everyApiOperation_requiresTheBearerJwtScheme() {
        JsonNode doc = document();
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearerAuth");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");

        List<String> operations = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/v1")) {
                path.getValue().properties().forEach(op -> {
                    operations.add(op.getKey() + " " + path.getKey());
                    if (!op.getValue().path("security").toString().contains("\"bearerAuth\"")) {
                        unsecured.add(op.getKey() + " " + path.getKey());
                    }
                });
            }
        });
        assertThat(operations).hasSizeGreaterThan(20);
        assertThat(unsecured).isEmpty();
    }

    @Test
    void theVersionedResources_documentETagAndIfMatch() {
        JsonNode paths = document().path("paths");
        JsonNode patch = paths.path(UNIT).path("patch");
        assertThat(patch.path("parameters").toString()).contains("\"If-Match\"");
        assertThat(patch.path("responses").has("412")).isTrue();
        assertThat(patch.path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(paths.path(UNIT).path("get").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(paths.path("/api/v1/workspaces/{workspaceId}/units").path("get").path("parameters").toString())
                .doesNotContain("If-Match");
    }

    private JsonNode document() {
        Api.Response doc = api().sendAuthorized(null, "GET", "/v3/api-docs", null);
        assertThat(doc.status()).isEqualTo(200);
        return doc.body();
    }
}
