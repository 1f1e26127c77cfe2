package io.guestlist.query.guestlist;

import io.guestlist.query.audience.AudienceTotals;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.SqlBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the guest-list projections share: their processing group, and the derivation of a unit's
 * contact, invite target and member count from its active members (SPEC §4.3: the chosen primary
 * contact when still a member, else the first member with a valid phone). A unit's derived
 * columns count in the totals of the audiences it is in, which are counted again after them.
 */
@Component
class GuestListSql {

    static final String GROUP = Projections.GUEST_LIST;

    /** Each unit's pick: the chosen primary contact while a member, else the first member with a valid phone. */
    private static final String PICK = """
            LEFT JOIN LATERAL (
                   SELECT p.person_id, p.phone_e164
                     FROM memberships m
                     JOIN people p ON p.person_id = m.person_id
                     JOIN guest_units g ON g.unit_id = d.unit_id
                    WHERE m.unit_id = d.unit_id AND m.until IS NULL
                      AND (p.person_id = g.chosen_contact_id OR p.phone_e164 IS NOT NULL)
                    ORDER BY (p.person_id = g.chosen_contact_id) IS TRUE DESC, m.since_position, p.person_id
                    LIMIT 1) pick ON TRUE
            """;

    /**
     * First clear the targets that change, so a target passing from one unit to another never exists twice
     * mid-statement. A unit whose target stays keeps its row as it is: no other unit can pick that target (it
     * is the phone of one of its own members), and a row rewritten for nothing costs every index of the table
     * and leaves a dead row behind (as would a derivation that finds what is there already).
     */
    private static final String CLEAR_TARGETS = """
            UPDATE guest_units u SET invite_target = NULL
              FROM unnest(?::uuid[]) AS d(unit_id)
            """ + PICK + """
             WHERE u.unit_id = d.unit_id AND u.invite_target IS NOT NULL AND u.invite_target IS DISTINCT FROM pick.phone_e164""";

    private static final String DERIVE_TARGETS = """
            UPDATE guest_units u
               SET contact_id = pick.person_id, invite_target = pick.phone_e164, member_count = cnt.n
              FROM unnest(?::uuid[]) AS d(unit_id)
              CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM memberships m
                                   WHERE m.unit_id = d.unit_id AND m.until IS NULL) cnt
            """ + PICK + """
             WHERE u.unit_id = d.unit_id
               AND (u.contact_id, u.invite_target, u.member_count) IS DISTINCT FROM (pick.person_id, pick.phone_e164, cnt.n)""";

    /** What changed in a batch: a unit, or a person whose unit (as it stands when the batch ends) must be derived again. */
    private record ChangedUnit(String unitId) {
    }

    private record ChangedPerson(String personId) {
    }

    private final JdbcTemplate jdbc;
    private final AudienceTotals audienceTotals;
    private final Consumer<Set<Object>> derive = this::derive;

    GuestListSql(JdbcTemplate jdbc, AudienceTotals audienceTotals) {
        this.jdbc = jdbc;
        this.audienceTotals = audienceTotals;
    }

    /** Recomputes the unit's derived columns once, at the end of the current batch. */
    void unitChanged(SqlBatch batch, UUID unit) {
        batch.markDirty(derive, new ChangedUnit(unit.toString()));
        audienceTotals.unitChanged(batch, unit);
    }

    /** Recomputes, at the end of the batch, the unit the person is in then. */
    void unitsOfPersonChanged(SqlBatch batch, UUID person) {
        batch.markDirty(derive, new ChangedPerson(person.toString()));
        audienceTotals.personChanged(batch, person);
    }

    /**
     * Every unit changed in the batch is cleared and derived in one pass: a target that passed
     * from one unit to another within the batch is cleared from the first before the second takes it.
     */
    private void derive(Set<Object> changes) {
        Set<String> units = new LinkedHashSet<>();
        List<String> people = new ArrayList<>();
        for (Object change : changes) {
            if (change instanceof ChangedUnit unit) {
                units.add(unit.unitId());
            } else if (change instanceof ChangedPerson person) {
                people.add(person.personId());
            }
        }
        if (!people.isEmpty()) {
            units.addAll(jdbc.queryForList("SELECT unit_id::text FROM people WHERE person_id = ANY(?::uuid[]) AND unit_id IS NOT NULL",
                    String.class, (Object) people.toArray(String[]::new)));
        }
        String[] ids = units.toArray(String[]::new);
        jdbc.update(CLEAR_TARGETS, (Object) ids);
        jdbc.update(DERIVE_TARGETS, (Object) ids);
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
