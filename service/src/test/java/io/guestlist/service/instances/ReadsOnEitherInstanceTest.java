package io.guestlist.service.instances;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceInstance;
import io.guestlist.service.support.TwoInstances;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9 §3: {@code ?after=} answers on the instance that owns no processor (B's are stopped, so A
 * projects everything), and a member whose addition committed is let in by either instance at once.
 */
class ReadsOnEitherInstanceTest {

    private static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(ReadsOnEitherInstanceTest.class);
        streaming(instances.b()).forEach(StreamingEventProcessor::shutDown);
        await("A claimed every segment").atMost(Duration.ofSeconds(60)).until(() -> streaming(instances.a()).stream()
                .allMatch(p -> p.processingStatus().keySet().equals(storedSegments(p.getName()))));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void afterOnTheInstanceWithoutProcessors_answersWithTheWrite() {
        assertThat(streaming(instances.b())).allSatisfy(p -> assertThat(p.processingStatus()).isEmpty());
        Api a = instances.a().api();
        Api b = instances.b().api();
        String workspace = new GuestList(a).aWorkspaceOwnedBy("alice");
        String units = "/api/v1/workspaces/" + workspace + "/units";

        Api.Response created = a.post("alice", units, Map.of("name", "The Pillais"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Api.Response read = b.get("alice", units + "/" + created.id() + "?after=" + created.position());
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().path("name").asText()).isEqualTo("The Pillais");

        Api.Response renamed = b.patch("alice", units + "/" + created.id(), Map.of("name", "The Pillai Family"));
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        Api.Response again = b.get("alice", units + "/" + created.id() + "?after=" + renamed.position());
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("name").asText()).isEqualTo("The Pillai Family");
        assertThat(b.get("alice", "/api/v1/workspaces/" + workspace + "/audit?after=" + renamed.position()).status()).isEqualTo(200);
    }

    @Test
    void aMemberAddedOnA_isLetInAtOnce_byBothInstances() {
        Api a = instances.a().api();
        Api b = instances.b().api();
        String workspace = new GuestList(a).aWorkspaceOwnedBy("olivia");
        String units = "/api/v1/workspaces/" + workspace + "/units";
        for (int i = 0; i < 5; i++) {
            String member = "guest-" + i;
            new GuestList(a).addMember("olivia", workspace, member, "VIEWER");
            for (Api reader : List.of(a, b)) {
                Api.Response read = reader.get(member, units);
                assertThat(read.status()).as(member + ": " + read.body()).isEqualTo(200);
            }
        }
    }

    private static List<StreamingEventProcessor> streaming(ServiceInstance instance) {
        return instance.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private static Set<Integer> storedSegments(String processor) {
        return Set.copyOf(instances.a().jdbc().sql("SELECT segment FROM token_entry WHERE processor_name = ?")
                .param(processor).query(Integer.class).list());
    }
}
