package io.guestlist.service.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Processor metrics and lag in Prometheus format, and each streaming processor a health component of its own. */
class ProcessorObservabilityTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ProcessorObservabilityTest.class, registry);
    }

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void prometheus_answersWithoutToken_withAxonProcessorMetricsAndLag() throws Exception {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        guests.aUnit("alice", workspace, "The Kapoors");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> scrape = scrape();
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body())
                    .contains("guestlist_projection_lag{processor=\"guest-list\"}")
                    .contains("eventProcessor_latency{processorName=\"guest-list\"}")
                    .contains("eventProcessor_latency{processorName=\"audit\"}")
                    .containsPattern("(?m)^eventProcessor_processedCounter_total\\{[^}]*processorName=\"guest-list\"")
                    // Axon's capacity monitor is left out: it kept ten minutes of every handled event (ProcessorMetrics).
                    .doesNotContain("eventProcessor_capacity");
        });
    }

    @Test
    void health_hasAComponentPerStreamingProcessor() {
        JsonNode processors = api().sendAuthorized(null, "GET", "/actuator/health", null).body().path("components").path("processors");
        assertThat(processors.path("status").asText()).as(processors.toString()).isEqualTo("UP");
        for (String name : new String[] {"guest-list", "imports", "audit"}) {
            assertThat(processors.path("components").path(name).path("status").asText()).as(name).isEqualTo("UP");
        }
    }

    @Test
    void health_showsAStoppedProcessorOutOfService_andUpOnceStarted() {
        StreamingEventProcessor imports = processing.eventProcessor("imports", StreamingEventProcessor.class).orElseThrow();
        imports.shutdownAsync().join();
        try {
            Api.Response health = api().sendAuthorized(null, "GET", "/actuator/health/processors/imports", null);
            assertThat(health.body().path("status").asText()).as(health.body().toString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(health.status()).isEqualTo(503);
        } finally {
            imports.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api().sendAuthorized(null, "GET", "/actuator/health/processors/imports", null).body().path("status").asText())
                .isEqualTo("UP"));
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
