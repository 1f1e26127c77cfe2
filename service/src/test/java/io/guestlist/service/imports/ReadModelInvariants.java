package io.guestlist.service.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2's invariants as they show in one workspace's read model. */
final class ReadModelInvariants {

    private ReadModelInvariants() {
    }

    static void hold(JdbcClient jdbc, String workspace) {
        UUID ws = UUID.fromString(workspace);
        assertThat(jdbc.sql("""
                        SELECT invite_target FROM guest_units WHERE workspace_id = ? AND status = 'ACTIVE' AND invite_target IS NOT NULL
                         GROUP BY invite_target HAVING count(*) > 1""").param(ws).query(String.class).list())
                .as("no two active units with the same invite target").isEmpty();
        assertThat(jdbc.sql("""
                        SELECT p.person_id FROM people p WHERE p.workspace_id = ? AND p.status = 'ACTIVE'
                           AND (SELECT count(*) FROM memberships m WHERE m.person_id = p.person_id AND m.until IS NULL) <> 1""")
                .param(ws).query(UUID.class).list()).as("each active person has exactly one active membership").isEmpty();
        assertThat(jdbc.sql("""
                        SELECT phone_e164 FROM people WHERE workspace_id = ? AND phone_e164 IS NOT NULL
                         GROUP BY phone_e164 HAVING count(*) > 1""").param(ws).query(String.class).list())
                .as("no phone held by two people").isEmpty();
    }
}
