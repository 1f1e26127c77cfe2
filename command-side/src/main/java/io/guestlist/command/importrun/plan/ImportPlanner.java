package io.guestlist.command.importrun.plan;

import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.importrun.plan.PlanSnapshot.PersonState;
import io.guestlist.command.importrun.plan.PlanSnapshot.UnitState;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import io.guestlist.kernel.text.InputBounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a batch of rows does (SPEC §4.2, §4.3), the one place that does: from the rows and a
 * snapshot of what they touch, every row's outcome, warnings and target unit, and the units to create.
 * Pure: no Axon, no SQL. Rows are decided in row order; a row sees what the batch's earlier rows did
 * (a person they created, placed or renamed, a unit's side and tags they changed).
 */
public final class ImportPlanner {

    /** A unit the batch creates, as its rows fill it in: every row's tags, and the first side given. */
    private static final class Draft {
        private final String name;
        private final Set<String> tags = new TreeSet<>();
        private String side;

        private Draft(String name) {
            this.name = name;
        }
    }

    private final PlanSnapshot snapshot;
    private final RunSoFar run;
    private final Map<PersonId, PersonState> people;
    private final Map<UnitId, UnitState> units;
    private final Set<PersonId> toCreate;
    private final Map<String, UnitId> batchHouseholds = new HashMap<>();
    private final Map<UnitId, Draft> newUnits = new LinkedHashMap<>();
    private final Map<PersonId, UnitId> placedHere = new HashMap<>();
    private final Set<String> seenHere = new HashSet<>();
    private ImportPlanner(PlanSnapshot snapshot, RunSoFar run) {
        this.snapshot = snapshot;
        this.run = run;
        this.people = new HashMap<>(snapshot.people());
        this.units = new HashMap<>(snapshot.units());
        this.toCreate = new HashSet<>(snapshot.newPeople());
    }

    /**
     * The rows read against the workspace: phones normalized (those {@code phones} remembers taken from it), sides
     * checked, the reading's warnings noted.
     */
    public static List<RowReading> read(List<RawRow> rows, WorkspaceSettings workspace, PhoneMemo phones) {
        return rows.stream().map(row -> RowReading.of(row, workspace, phones)).toList();
    }

    public static ImportPlan plan(List<RowReading> readings, PlanSnapshot snapshot, RunSoFar run) {
        return new ImportPlanner(snapshot, run).plan(readings);
    }

    private ImportPlan plan(List<RowReading> readings) {
        List<UnitId> targets = new ArrayList<>(readings.size());
        for (RowReading reading : readings) {
            targets.add(reading.validPhone() ? target(reading) : null);
        }
        List<ImportPlan.Row> rows = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            RowReading reading = readings.get(i);
            RowResult result = reading.validPhone() ? inviteableAfter(place(reading, targets.get(i))) : unplaced(reading);
            rows.add(new ImportPlan.Row(reading, result));
        }
        List<ImportPlan.NewUnit> created = new ArrayList<>();
        newUnits.forEach((id, draft) -> created.add(new ImportPlan.NewUnit(id, draft.name, draft.side, Set.copyOf(draft.tags))));
        return new ImportPlan(created, rows);
    }

    /**
     * SPEC §4.3: the household's unit (settled for the whole run, else made by its first row), else the
     * person's current unit, else a new unit of their own. A person placed by an earlier row of the batch
     * counts as being in the unit that row chose.
     */
    private UnitId target(RowReading reading) {
        PersonId holder = snapshot.holders().get(reading.e164());
        UnitId unit = chooseUnit(reading, holder);
        placedHere.put(holder, unit);
        return unit;
    }

    private UnitId chooseUnit(RowReading reading, PersonId holder) {
        String household = reading.household();
        if (household != null) {
            String key = reading.householdKey();
            UnitId unit = run.unitOfHousehold(key).or(() -> Optional.ofNullable(batchHouseholds.get(key)))
                    .orElseGet(() -> newUnit(household));
            if (run.joinsByName(key)) {
                reading.warnings().add(RowReading.JOINED_UNIT_BY_NAME);
            } else if (run.ambiguousName(key)) {
                reading.warnings().add(RowReading.AMBIGUOUS_HOUSEHOLD_NAME);
            }
            batchHouseholds.put(key, unit);
            contribute(unit, reading);
            return unit;
        }
        UnitId earlier = placedHere.get(holder);
        if (earlier != null) {
            contribute(earlier, reading);
            return earlier;
        }
        PersonState known = snapshot.newPeople().contains(holder) ? null : snapshot.people().get(holder);
        if (known != null && known.unitId() != null) {
            return known.unitId();
        }
        UnitId own = batchHouseholds.computeIfAbsent("\u0000person:" + holder, k -> newUnit(reading.nameOrPhone()));
        contribute(own, reading);
        return own;
    }

    private UnitId newUnit(String name) {
        UnitId id = UnitId.random();
        newUnits.put(id, new Draft(name));
        return id;
    }

    private void contribute(UnitId unit, RowReading reading) {
        Draft draft = newUnits.get(unit);
        if (draft != null) {
            // a unit holds at most MAX_TAGS_PER_UNIT tags, however many rows contribute them
            reading.tags().stream().filter(tag -> draft.tags.size() < InputBounds.MAX_TAGS_PER_UNIT).forEach(draft.tags::add);
            if (draft.side == null) {
                draft.side = reading.side();
            }
        }
    }

    private RowResult place(RowReading reading, UnitId target) {
        noteDuplicate(reading);
        PersonId personId = snapshot.holders().get(reading.e164());
        boolean unitCreated = newUnits.containsKey(target);
        if (toCreate.remove(personId)) {
            people.put(personId, new PersonState(reading.nameOrPhone(), target, reading.email(), reading.notes()));
            return result(reading, Outcome.CREATED, personId, target,
                    new Before(true, unitCreated, null, null, false, false, false, null, List.of(), false, null, null));
        }
        PersonState person = people.get(personId);
        boolean removed = person.unitId() == null;
        boolean moved = !removed && !target.equals(person.unitId());
        boolean renamed = renames(reading, person.name());
        // email and notes only when the row gives them: a blank cell never overwrites
        String email = reading.email() != null ? reading.email() : person.email();
        String notes = reading.notes() != null ? reading.notes() : person.notes();
        boolean contactChanged = !Objects.equals(email, person.email()) || !Objects.equals(notes, person.notes());
        people.put(personId, new PersonState(renamed ? reading.row().name().trim() : person.name(), target, email, notes));
        UnitChange unitChange = unitCreated ? UnitChange.NONE : changeUnit(target, reading);
        Outcome outcome = removed || unitChange.restored() ? Outcome.REACTIVATED
                : moved || renamed || contactChanged || unitChange.changed() ? Outcome.UPDATED : Outcome.UNCHANGED;
        return result(reading, outcome, personId, target, new Before(false, unitCreated, renamed ? person.name() : null,
                removed || moved ? person.unitId() : null, removed, unitChange.restored(), unitChange.sideChanged(),
                unitChange.sideBefore(), unitChange.addedTags(), contactChanged, contactChanged ? person.email() : null,
                contactChanged ? person.notes() : null));
    }

    /**
     * A placed row is inviteable when its unit is, right after the row (SPEC's glossary): the unit is
     * active (a placement restores it) and the row's person has a valid phone, so only a chosen primary
     * contact who is still a member and has no valid phone makes it not inviteable.
     */
    private RowResult inviteableAfter(RowResult placed) {
        PersonId contact = placed.inviteable() ? snapshot.unreachableContacts().get(placed.unitId()) : null;
        if (contact == null || contact.equals(placed.personId()) || newUnits.containsKey(placed.unitId())) {
            return placed;
        }
        PersonState now = people.get(contact);
        if (now != null && !placed.unitId().equals(now.unitId())) {
            return placed; // the contact left the unit earlier in the batch
        }
        return new RowResult(placed.rowNumber(), placed.raw(), placed.parsed(), placed.outcome(), placed.warnings(), false,
                placed.personId(), placed.unitId(), placed.before());
    }

    private record UnitChange(boolean restored, boolean sideChanged, String sideBefore, List<String> addedTags) {
        static final UnitChange NONE = new UnitChange(false, false, null, List.of());

        boolean changed() {
            return restored || sideChanged || !addedTags.isEmpty();
        }
    }

    /** Side and tags from the row on an existing unit: side set, tags added (never removed, up to the limit); an archived unit restored. */
    private UnitChange changeUnit(UnitId target, RowReading reading) {
        UnitState unit = units.get(target);
        boolean sideChanged = reading.side() != null && !reading.side().equals(unit.side());
        List<String> added = reading.tags().stream().filter(t -> !unit.tags().contains(t)).distinct()
                .limit(Math.max(0, InputBounds.MAX_TAGS_PER_UNIT - unit.tags().size())).toList();
        Set<String> tags = new HashSet<>(unit.tags());
        tags.addAll(added);
        units.put(target, new UnitState(false, sideChanged ? reading.side() : unit.side(), tags));
        return new UnitChange(unit.archived(), sideChanged, unit.side(), added);
    }

    /** A phone placed by an earlier batch of the run, or earlier in this one, is a duplicate. */
    private void noteDuplicate(RowReading reading) {
        if (run.seen(reading.e164()) || !seenHere.add(reading.e164())) {
            reading.warnings().add(RowReading.DUPLICATE_PHONE_IN_RUN);
        }
    }

    /** A row with a name renames a person whose name differs; a row without one keeps the name. */
    private static boolean renames(RowReading reading, String currentName) {
        return ImportRows.hasText(reading.row().name()) && !Objects.equals(reading.row().name().trim(), currentName);
    }

    private static RowResult unplaced(RowReading reading) {
        Outcome outcome = reading.phone() == null ? Outcome.SKIPPED_NO_PHONE : Outcome.WARNING_MALFORMED_PHONE;
        return result(reading, outcome, null, null, null);
    }

    private static RowResult result(RowReading reading, Outcome outcome, PersonId person, UnitId unit, Before before) {
        return new RowResult(reading.row().rowNumber(), reading.row().raw(), reading.parsed(), outcome,
                List.copyOf(reading.warnings()), outcome.placesPerson(), person, unit, before);
    }
}
