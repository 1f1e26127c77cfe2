package io.guestlist.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.command.guestunit.GuestUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's snapshot loads through Axon's object mapper. {@code GuestUnit.setSide} applies an event; read
 * as a setter, it ran outside any aggregate and every command on a snapshotted unit answered 500.
 */
class SnapshotMapperTest {

    private final ObjectMapper mapper = new AxonStorageConfig().defaultAxonObjectMapper();

    @Test
    void aUnitSnapshotWithASide_loadsByItsFields() throws Exception {
        GuestUnit unit = mapper.readValue("""
                {"name": "The Sharma Family", "side": "Bride", "tags": ["family"], "archived": false}""", GuestUnit.class);

        assertThat(unit.side()).isEqualTo("Bride");
        assertThat(unit.isArchived()).isFalse();
    }
}
