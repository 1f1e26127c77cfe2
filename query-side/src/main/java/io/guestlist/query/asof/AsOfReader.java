package io.guestlist.query.asof;

import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.occasion.OccasionEvent;
import io.guestlist.kernel.person.PersonEvent;
import io.guestlist.query.audit.StoredEvents;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * State as it stood at an instant (SPEC §6), folded from the event store, never from the read
 * model. {@code audit_log} serves only as an index: which person events ever named a unit, and
 * which events a workspace's units and people had; the events themselves are read from
 * {@code domain_event_entry}, and only those at or before the instant count.
 */
@Component
public class AsOfReader {

    private final StoredEvents events;
    private final JdbcTemplate jdbc;

    public AsOfReader(StoredEvents events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The unit of the workspace with its members then; empty when it did not exist yet (or is another workspace's). */
    public Optional<UnitAsOf> unit(UUID workspace, UUID unit, Instant at) {
        UnitState state = null;
        for (TrackedEventMessage<?> event : upTo(at, events.select("WHERE aggregate_identifier = ? ORDER BY sequence_number",
                unit.toString()))) {
            if (!(event.getPayload() instanceof GuestUnitEvent e) || !e.workspaceId().value().equals(workspace)) {
                return Optional.empty();
            }
            state = UnitState.fold(state, e, event.getTimestamp(), memberOf(event));
        }
        if (state == null) {
            return Optional.empty();
        }
        List<String> people = jdbc.queryForList("""
                        SELECT DISTINCT aggregate_id::text FROM audit_log
                         WHERE unit_ids @> ARRAY[?]::uuid[] AND aggregate_type = 'Person' AND workspace_id = ? AND time <= ?""",
                String.class, unit, workspace, Timestamp.from(at));
        Map<UUID, PersonState> folded = people(upTo(at, events.select(
                "WHERE aggregate_identifier = ANY(?) ORDER BY global_index", (Object) people.toArray(String[]::new))));
        return Optional.of(new UnitAsOf(state, membersOf(unit, folded)));
    }

    /** Every unit of the workspace then, each with its members. */
    public Map<UUID, UnitAsOf> units(UUID workspace, Instant at) {
        List<TrackedEventMessage<?>> all = upTo(at, events.select("""
                WHERE global_index IN (SELECT position FROM audit_log
                                        WHERE workspace_id = ? AND aggregate_type IN ('GuestUnit', 'Person') AND time <= ?)
                ORDER BY global_index""", workspace, Timestamp.from(at)));
        Map<UUID, UnitState> units = new LinkedHashMap<>();
        for (TrackedEventMessage<?> event : all) {
            if (event.getPayload() instanceof GuestUnitEvent e) {
                UUID id = UUID.fromString(StoredEvents.domain(event).getAggregateIdentifier());
                UnitState next = UnitState.fold(units.get(id), e, event.getTimestamp(), memberOf(event));
                if (next == null) {
                    units.remove(id);
                } else {
                    units.put(id, next);
                }
            }
        }
        Map<UUID, List<PersonState>> members = people(all).values().stream().filter(p -> p.unitId() != null)
                .collect(Collectors.groupingBy(PersonState::unitId));
        Map<UUID, UnitAsOf> result = new LinkedHashMap<>();
        units.forEach((id, state) -> result.put(id, new UnitAsOf(state, inJoiningOrder(members.getOrDefault(id, List.of())))));
        return result;
    }

    /** The event of the celebration then; empty when it did not exist yet (or is another workspace's). */
    public Optional<OccasionState> occasion(UUID workspace, UUID occasion, Instant at) {
        OccasionState state = null;
        for (TrackedEventMessage<?> event : upTo(at, events.select("WHERE aggregate_identifier = ? ORDER BY sequence_number",
                occasion.toString()))) {
            if (!(event.getPayload() instanceof OccasionEvent e) || !e.workspaceId().value().equals(workspace)) {
                return Optional.empty();
            }
            state = OccasionState.fold(state, e);
        }
        return Optional.ofNullable(state);
    }

    private static Map<UUID, PersonState> people(List<TrackedEventMessage<?>> events) {
        Map<UUID, PersonState> people = new HashMap<>();
        for (TrackedEventMessage<?> event : events) {
            if (event.getPayload() instanceof PersonEvent e) {
                UUID id = UUID.fromString(StoredEvents.domain(event).getAggregateIdentifier());
                PersonState next = PersonState.fold(people.get(id), e, StoredEvents.position(event), event.getTimestamp());
                if (next != null) {
                    people.put(id, next);
                }
            }
        }
        return people;
    }

    private static List<PersonState> membersOf(UUID unit, Map<UUID, PersonState> people) {
        return inJoiningOrder(people.values().stream().filter(p -> unit.equals(p.unitId())).toList());
    }

    private static List<PersonState> inJoiningOrder(List<PersonState> members) {
        return members.stream().sorted(Comparator.comparingLong(PersonState::sincePosition).thenComparing(PersonState::id)).toList();
    }

    private static List<TrackedEventMessage<?>> upTo(Instant at, List<TrackedEventMessage<?>> events) {
        return events.stream().filter(e -> !e.getTimestamp().isAfter(at)).toList();
    }

    private static String memberOf(TrackedEventMessage<?> event) {
        Object member = event.getMetaData().get(Attribution.MEMBER_ID);
        return member == null ? null : member.toString();
    }
}
