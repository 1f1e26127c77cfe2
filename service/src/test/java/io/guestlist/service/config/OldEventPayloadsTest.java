package io.guestlist.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.person.PersonAddedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before a field existed read with that field absent ({@code null}), through Axon's object mapper. */
class OldEventPayloadsTest {

    private final ObjectMapper mapper = new AxonStorageConfig().defaultAxonObjectMapper();

    @Test
    void aPersonAddedBeforeEmailAndNotes_readsWithNeither() throws Exception {
        PersonAddedEvent added = mapper.readValue("""
                {"personId": "6f1c2a8e-8d8e-4a43-9a65-0d0c5e1f2a10",
                 "workspaceId": "0b7f0a43-27b2-4b43-bb9e-3f5a1f2d9c11",
                 "unitId": "5a0e9f6c-3b0f-4f0e-9a2b-8d1c2e3f4a12",
                 "name": "Asha", "phone": null}""", PersonAddedEvent.class);

        assertThat(added.name()).isEqualTo("Asha");
        assertThat(added.email()).isNull();
        assertThat(added.notes()).isNull();
    }

    @Test
    void aRowRecordedBeforeContactWasUndone_readsAsNotHavingChangedIt() throws Exception {
        RowResult.Before before = mapper.readValue("""
                {"personCreated": false, "unitCreated": false, "name": "Asha", "unitId": null, "personRemoved": false,
                 "unitArchived": false, "sideChanged": false, "side": null, "addedTags": []}""", RowResult.Before.class);

        assertThat(before.name()).isEqualTo("Asha");
        assertThat(before.contactChanged()).as("its undo leaves email and notes, as undo then did").isFalse();
        assertThat(before.email()).isNull();
        assertThat(before.notes()).isNull();
    }
}
