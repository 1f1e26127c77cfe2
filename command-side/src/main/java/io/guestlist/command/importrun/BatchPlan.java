package io.guestlist.command.importrun;

import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides and applies one batch of rows (SPEC §4.2, §4.3). Phones are claimed for the whole batch at
 * once; new units are created before any person is placed, so that events, and the projections'
 * writes, come in runs of one kind.
 */
final class BatchPlan {

    private record NewUnit(String name, Set<String> tags, String[] side) {
    }

    private final ImportRun run;
    private final WorkspaceSettings workspace;
    private final GuestDirectory directory;
    private final Repository<Person> people;
    private final Repository<GuestUnit> units;
    private final Map<String, UnitId> batchHouseholds = new HashMap<>();
    private final Map<UnitId, NewUnit> newUnits = new LinkedHashMap<>();
    private final Set<PersonId> createdHere = new HashSet<>();
    private final Set<String> seenHere = new HashSet<>();
    private final Map<PersonId, UnitId> targetsHere = new HashMap<>();

    BatchPlan(ImportRun run, WorkspaceSettings workspace, GuestDirectory directory, Repository<Person> people, Repository<GuestUnit> units) {
        this.run = run;
        this.workspace = workspace;
        this.directory = directory;
        this.people = people;
        this.units = units;
    }

    /**
     * New people are placed first, then the rows that change people already known, each group in row
     * order: a person created by an earlier row is updated by a later one as before, and the events of
     * the batch come in long runs of one kind.
     */
    List<RowResult> apply(List<RawRow> rows) {
        List<RowReading> readings = rows.stream().map(r -> RowReading.of(r, workspace)).toList();
        Map<String, PersonId> holders = claimPhones(readings);
        Map<String, List<RowReading>> groups = groups(readings);
        Map<RowReading, UnitId> targets = new IdentityHashMap<>();
        for (RowReading reading : readings) {
            if (reading.validPhone()) {
                targets.put(reading, targetUnit(reading, groups, holders));
            }
        }
        newUnits.forEach((id, unit) -> create(units, () -> GuestUnit.create(id, run.workspaceId(), unit.name(), unit.side()[0], unit.tags())));
        RowResult[] results = new RowResult[readings.size()];
        for (int i = 0; i < results.length; i++) {
            RowReading reading = readings.get(i);
            if (reading.validPhone() && createdHere.contains(holders.get(reading.e164()))) {
                results[i] = place(reading, holders.get(reading.e164()), targets.get(reading));
            }
        }
        for (int i = 0; i < results.length; i++) {
            RowReading reading = readings.get(i);
            if (results[i] == null) {
                results[i] = reading.validPhone() ? place(reading, holders.get(reading.e164()), targets.get(reading)) : unplaced(reading);
            }
        }
        return List.of(results);
    }

    /**
     * A dry run: the outcome each row would have, applying nothing. The rows are placed as {@link #apply}
     * places them, against sketches of the people and units that this batch's earlier rows would have changed.
     */
    List<RowResult> classify(List<RawRow> rows) {
        List<RowReading> readings = rows.stream().map(r -> RowReading.of(r, workspace)).toList();
        Map<String, PersonId> holders = new HashMap<>(directory.holdersOf(run.workspaceId(),
                readings.stream().filter(RowReading::validPhone).map(RowReading::e164).toList()));
        readings.stream().filter(RowReading::validPhone).filter(r -> !holders.containsKey(r.e164())).forEach(r -> {
            PersonId unknown = PersonId.random();
            holders.put(r.e164(), unknown);
            createdHere.add(unknown);
        });
        Map<String, List<RowReading>> groups = groups(readings);
        Map<RowReading, UnitId> targets = new IdentityHashMap<>();
        for (RowReading reading : readings) {
            if (reading.validPhone()) {
                targets.put(reading, targetUnit(reading, groups, holders));
            }
        }
        Map<PersonId, PersonSketch> sketches = new HashMap<>();
        Map<UnitId, UnitSketch> unitSketches = new HashMap<>();
        List<RowResult> results = new ArrayList<>(readings.size());
        for (RowReading reading : readings) {
            results.add(reading.validPhone()
                    ? wouldPlace(reading, holders.get(reading.e164()), targets.get(reading), sketches, unitSketches)
                    : unplaced(reading));
        }
        return results;
    }

    private static Map<String, List<RowReading>> groups(List<RowReading> readings) {
        Map<String, List<RowReading>> groups = new HashMap<>();
        readings.stream().filter(r -> r.validPhone() && r.household() != null)
                .forEach(r -> groups.computeIfAbsent(r.householdKey(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    private record PersonSketch(String name, UnitId unit, boolean removed) {
    }

    private record UnitSketch(boolean archived, String side, Set<String> addedTags) {
    }

    private RowResult wouldPlace(RowReading reading, PersonId personId, UnitId target, Map<PersonId, PersonSketch> sketches,
                                 Map<UnitId, UnitSketch> unitSketches) {
        noteDuplicate(reading);
        boolean created = createdHere.remove(personId);
        PersonSketch person = created ? null : sketches.computeIfAbsent(personId, id -> people.load(id.toString())
                .invoke(p -> new PersonSketch(p.name(), p.unitId(), p.isRemoved())));
        boolean renamed = person != null && ImportRows.hasText(reading.row().name()) && !reading.row().name().trim().equals(person.name());
        sketches.put(personId, new PersonSketch(renamed || created ? reading.nameOrPhone() : person.name(), target, false));
        if (created) {
            return result(reading, Outcome.CREATED, null, null, null);
        }
        boolean unitChanged = false;
        boolean restored = false;
        boolean unitCreated = newUnits.containsKey(target);
        if (!unitCreated) {
            UnitSketch unit = unitSketches.computeIfAbsent(target, id -> units.load(id.toString())
                    .invoke(u -> new UnitSketch(u.isArchived(), u.side(), Set.of())));
            List<String> missing = units.load(target.toString()).invoke(u -> u.missingTags(reading.tags()));
            Set<String> added = new HashSet<>(unit.addedTags());
            restored = unit.archived();
            unitChanged = !added.containsAll(missing) || (reading.side() != null && !reading.side().equals(unit.side()));
            added.addAll(missing);
            unitSketches.put(target, new UnitSketch(false, reading.side() != null ? reading.side() : unit.side(), added));
        }
        Outcome outcome = person.removed() || restored ? Outcome.REACTIVATED
                : renamed || !target.equals(person.unit()) || unitChanged ? Outcome.UPDATED : Outcome.UNCHANGED;
        return result(reading, outcome, personId, unitCreated ? null : target, null);
    }

    private Map<String, PersonId> claimPhones(List<RowReading> readings) {
        Set<String> phones = new LinkedHashSet<>();
        readings.stream().filter(RowReading::validPhone).forEach(r -> phones.add(r.e164()));
        Map<String, PersonId> holders = directory.holdersOf(run.workspaceId(), phones);
        Map<String, PersonId> claims = new HashMap<>();
        phones.stream().filter(p -> !holders.containsKey(p)).forEach(p -> claims.put(p, PersonId.random()));
        Set<String> claimed = directory.claimAll(run.workspaceId(), claims);
        claims.forEach((phone, person) -> {
            if (claimed.contains(phone)) {
                holders.put(phone, person);
                createdHere.add(person);
            }
        });
        Set<String> lost = new HashSet<>(claims.keySet());
        lost.removeAll(claimed);
        holders.putAll(directory.holdersOf(run.workspaceId(), lost));
        return holders;
    }

    /**
     * SPEC §4.3: the group's unit, else the person's current unit, else a new unit of their own. A person
     * placed by an earlier row of the batch counts as being in the unit that row chose.
     */
    private UnitId targetUnit(RowReading reading, Map<String, List<RowReading>> groups, Map<String, PersonId> holders) {
        UnitId unit = chooseUnit(reading, groups, holders);
        targetsHere.put(holders.get(reading.e164()), unit);
        return unit;
    }

    private UnitId chooseUnit(RowReading reading, Map<String, List<RowReading>> groups, Map<String, PersonId> holders) {
        String household = reading.household();
        if (household != null) {
            String key = reading.householdKey();
            UnitId unit = run.unitOfHousehold(household).or(() -> java.util.Optional.ofNullable(batchHouseholds.get(key)))
                    .orElseGet(() -> firstMatchedUnit(groups.get(key), holders));
            if (unit == null) {
                unit = newUnit(household);
            }
            batchHouseholds.put(key, unit);
            contribute(unit, reading);
            return unit;
        }
        PersonId holder = holders.get(reading.e164());
        UnitId earlier = targetsHere.get(holder);
        if (earlier != null) {
            contribute(earlier, reading);
            return earlier;
        }
        if (!createdHere.contains(holder)) {
            UnitId current = people.load(holder.toString()).invoke(Person::unitId);
            if (current != null) {
                return current;
            }
        }
        UnitId own = batchHouseholds.computeIfAbsent("\u0000person:" + holder, k -> newUnit(reading.nameOrPhone()));
        contribute(own, reading);
        return own;
    }

    /** The unit of the group's first person already known (SPEC §4.3), among the group's rows in this batch. */
    private UnitId firstMatchedUnit(List<RowReading> group, Map<String, PersonId> holders) {
        for (RowReading member : group) {
            PersonId holder = holders.get(member.e164());
            if (!createdHere.contains(holder)) {
                UnitId unit = people.load(holder.toString()).invoke(Person::unitId);
                if (unit != null) {
                    return unit;
                }
            }
        }
        return null;
    }

    private UnitId newUnit(String name) {
        UnitId id = UnitId.random();
        newUnits.put(id, new NewUnit(name, new TreeSet<>(), new String[1]));
        return id;
    }

    private void contribute(UnitId unit, RowReading reading) {
        NewUnit created = newUnits.get(unit);
        if (created != null) {
            created.tags().addAll(reading.tags());
            if (created.side()[0] == null) {
                created.side()[0] = reading.side();
            }
        }
    }

    private RowResult place(RowReading reading, PersonId personId, UnitId target) {
        noteDuplicate(reading);
        boolean unitCreated = newUnits.containsKey(target);
        if (createdHere.remove(personId)) {
            create(people, () -> Person.register(personId, run.workspaceId(), target, reading.nameOrPhone(), reading.phone()));
            return result(reading, Outcome.CREATED, personId, target,
                    new Before(true, unitCreated, null, null, false, false, false, null, List.of()));
        }
        return people.load(personId.toString()).invoke(person -> update(reading, person, personId, target, unitCreated));
    }

    /** Runs inside the person's aggregate scope, so its changes are applied as its events. */
    private RowResult update(RowReading reading, Person person, PersonId personId, UnitId target, boolean unitCreated) {
        UnitId before = person.unitId();
        String nameBefore = person.name();
        boolean removed = person.isRemoved();
        boolean moved = false;
        if (removed) {
            person.reactivateIn(target);
        } else if (!target.equals(before)) {
            person.moveTo(target);
            moved = true;
        }
        boolean renamed = renames(reading, person);
        if (renamed) {
            person.rename(reading.row().name().trim());
        }
        UnitChange unitChange = unitCreated ? UnitChange.NONE
                : units.load(target.toString()).invoke(unit -> changeUnit(unit, reading));
        Outcome outcome = removed || unitChange.restored() ? Outcome.REACTIVATED
                : moved || renamed || unitChange.changed() ? Outcome.UPDATED : Outcome.UNCHANGED;
        return result(reading, outcome, personId, target, new Before(false, unitCreated, renamed ? nameBefore : null,
                removed || moved ? before : null, removed, unitChange.restored(), unitChange.sideChanged(),
                unitChange.sideBefore(), unitChange.addedTags()));
    }

    private record UnitChange(boolean restored, boolean sideChanged, String sideBefore, List<String> addedTags) {
        static final UnitChange NONE = new UnitChange(false, false, null, List.of());

        boolean changed() {
            return restored || sideChanged || !addedTags.isEmpty();
        }
    }

    /** Side and tags from the row on an existing unit: side set, tags added, never removed; an archived unit restored. */
    private static UnitChange changeUnit(GuestUnit unit, RowReading reading) {
        boolean restored = unit.isArchived();
        unit.restoreIfArchived();
        String sideBefore = unit.side();
        boolean sideChanged = reading.side() != null && !reading.side().equals(sideBefore);
        if (sideChanged) {
            unit.setSide(reading.side());
        }
        List<String> added = unit.missingTags(reading.tags());
        unit.addTags(new TreeSet<>(added));
        return new UnitChange(restored, sideChanged, sideBefore, added);
    }

    private static <T> void create(Repository<T> repository, java.util.concurrent.Callable<T> factory) {
        try {
            repository.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean renames(RowReading reading, Person person) {
        return ImportRows.hasText(reading.row().name()) && !Objects.equals(reading.row().name().trim(), person.name());
    }

    private void noteDuplicate(RowReading reading) {
        if (run.seen(reading.e164()) || !seenHere.add(reading.e164())) {
            reading.warnings().add(RowReading.DUPLICATE_PHONE_IN_RUN);
        }
    }

    private RowResult unplaced(RowReading reading) {
        Outcome outcome = reading.phone() == null ? Outcome.SKIPPED_NO_PHONE : Outcome.WARNING_MALFORMED_PHONE;
        return result(reading, outcome, null, null, null);
    }

    private static RowResult result(RowReading reading, Outcome outcome, PersonId person, UnitId unit, Before before) {
        return new RowResult(reading.row().rowNumber(), reading.row().raw(), reading.parsed(), outcome,
                List.copyOf(reading.warnings()), outcome.placesPerson(), person, unit, before);
    }
}
