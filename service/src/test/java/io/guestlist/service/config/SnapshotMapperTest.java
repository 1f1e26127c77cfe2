package io.guestlist.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        // the aggregate is package-private (ModuleRulesTest): reached by name, its fields read directly
        Class<?> unitClass = Class.forName("io.guestlist.command.guestunit.GuestUnit");
        Object unit = mapper.readValue("""
                {"name": "The Sharma Family", "side": "Bride", "tags": ["family"], "archived": false}""", unitClass);

        assertThat(field(unit, "side")).isEqualTo("Bride");
        assertThat(field(unit, "archived")).isEqualTo(false);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
