package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the generated client is built from (src/test/resources/openapi/guestlist.json)
 * is the one the service serves: a route, parameter or schema changed without it fails here. After a
 * deliberate change, refresh it with {@code -Dopenapi.refresh=true} on this test and commit the file.
 */
class CommittedApiDocumentTest extends ServiceTest {

    static final Path COMMITTED = Path.of("src/test/resources/openapi/guestlist.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(CommittedApiDocumentTest.class, registry);
    }

    @Test
    void theCommittedDocument_isTheServedOne() throws IOException {
        Api.Response served = api().sendAuthorized(null, "GET", "/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served.body()) + "\n");
        }
        JsonNode committed = JSON.readTree(COMMITTED.toFile());
        assertThat(differences(served.body(), committed, ""))
                .withFailMessage("The served /v3/api-docs differs from %s, which the generated client is built from, at %s."
                        + " If the change is meant, refresh the file: mvn -pl service -am verify -Dtest=CommittedApiDocumentTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.refresh=true, and commit it.",
                        COMMITTED, differences(served.body(), committed, ""))
                .isEmpty();
    }

    /** Where the two differ (e.g. {@code paths["/api/v1/…"].get.summary}), the first few, so the message says where to look. */
    private static List<String> differences(JsonNode served, JsonNode committed, String pointer) {
        List<String> found = new ArrayList<>();
        if (served.isObject() && committed.isObject()) {
            Set<String> names = new TreeSet<>();
            served.fieldNames().forEachRemaining(names::add);
            committed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = pointer + (name.contains("/") ? "[\"" + name + "\"]" : (pointer.isEmpty() ? "" : ".") + name);
                if (!served.has(name) || !committed.has(name)) {
                    found.add(at + (served.has(name) ? " (only served)" : " (only committed)"));
                } else {
                    found.addAll(differences(served.get(name), committed.get(name), at));
                }
            }
        } else if (!served.equals(committed)) {
            found.add(pointer);
        }
        return found.size() > 10 ? found.subList(0, 10) : found;
    }
}
