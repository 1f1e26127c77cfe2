package io.guestlist.query.audit;

import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.ImportRunEvent;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.occasion.AudienceOverrideClearedEvent;
import io.guestlist.kernel.occasion.AudienceOverrideSetEvent;
import io.guestlist.kernel.occasion.OccasionEvent;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.workspace.WorkspaceEvent;
import io.guestlist.kernel.privacy.ErasedPayloads;
import io.guestlist.query.privacy.PersonalDataSerializer;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a domain event reads in history and in the audit feed: its {@code type} is the payload
 * class's simple name without the {@code Event} suffix ({@code UnitRenamed}); its {@code data} is
 * the payload as the event store holds it, except that a batch of import rows (up to 500 rows with
 * their raw cells) is summarised as its row count, first and last row number and outcome counts:
 * the rows themselves are served, paged, by {@code GET …/imports/{runId}/rows}.
 */
public final class EventData {

    /** What history and the feed show of an {@link ImportRowsRecordedEvent}. */
    record RowsSummary(ImportRunId runId, WorkspaceId workspaceId, int rowCount, Integer firstRow, Integer lastRow,
                       Map<String, Long> outcomes) {
    }

    private EventData() {
    }

    public static String type(Class<?> payloadType) {
        String name = payloadType.getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    /** The workspace a kernel event names; empty for any other payload. */
    public static Optional<UUID> workspaceOf(Object payload) {
        WorkspaceId workspace = null;
        if (payload instanceof GuestUnitEvent e) {
            workspace = e.workspaceId();
        } else if (payload instanceof PersonEvent e) {
            workspace = e.workspaceId();
        } else if (payload instanceof OccasionEvent e) {
            workspace = e.workspaceId();
        } else if (payload instanceof ImportRunEvent e) {
            workspace = e.workspaceId();
        } else if (payload instanceof WorkspaceEvent e) {
            workspace = e.workspaceId();
        }
        return Optional.ofNullable(workspace).map(WorkspaceId::value);
    }

    /** The units a person or override event places something in or takes it out of. */
    static UUID[] unitsNamedBy(Object payload) {
        if (payload instanceof PersonAddedEvent e) {
            return new UUID[] {e.unitId().value()};
        } else if (payload instanceof PersonMovedEvent e) {
            return new UUID[] {e.fromUnitId().value(), e.toUnitId().value()};
        } else if (payload instanceof PersonReactivatedEvent e) {
            return new UUID[] {e.unitId().value()};
        } else if (payload instanceof PersonRemovedEvent e) {
            return new UUID[] {e.fromUnitId().value()};
        } else if (payload instanceof PersonDeletedEvent e && e.fromUnitId() != null) {
            // null when the person had already been removed: the deletion leaves no unit
            return new UUID[] {e.fromUnitId().value()};
        } else if (payload instanceof AudienceOverrideSetEvent e) {
            return new UUID[] {e.unitId().value()};
        } else if (payload instanceof AudienceOverrideClearedEvent e) {
            return new UUID[] {e.unitId().value()};
        }
        return new UUID[0];
    }

    /**
     * The payload as JSON text, personal fields in clear, with import row batches summarised. A payload
     * whose personal data was erased shows those fields as {@code null} and {@code "erased": true}.
     */
    public static String json(Object payload, Serializer serializer) {
        Object shown = payload instanceof ImportRowsRecordedEvent rows ? summary(rows) : payload;
        String json = PersonalDataSerializer.plainJson(serializer, shown);
        // a row batch's summary holds no personal data, so it reads the same before and after an erasure
        if (shown != payload || !ErasedPayloads.isErased(payload) || !json.endsWith("}")) {
            return json;
        }
        return json.equals("{}") ? "{\"erased\":true}" : json.substring(0, json.length() - 1) + ",\"erased\":true}";
    }

    private static RowsSummary summary(ImportRowsRecordedEvent e) {
        List<RowResult> rows = e.rows();
        Map<String, Long> outcomes = rows.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.outcome()),
                TreeMap::new, Collectors.counting()));
        Stream<Integer> numbers = rows.stream().map(RowResult::rowNumber);
        return new RowsSummary(e.runId(), e.workspaceId(), rows.size(), rows.isEmpty() ? null : rows.get(0).rowNumber(),
                numbers.reduce((a, b) -> b).orElse(null), outcomes);
    }
}
