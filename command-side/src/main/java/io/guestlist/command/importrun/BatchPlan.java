package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import org.axonframework.modelling.command.Repository;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static io.guestlist.command.importrun.BatchRows.renames;
import static io.guestlist.command.importrun.BatchRows.result;
import static io.guestlist.command.importrun.BatchRows.unplaced;

/**
 * Decides and applies one batch of rows (SPEC §4.2, §4.3). Phones are claimed for the whole batch at
 * once; new units are created before any person is placed, so that events, and the projections'
 * writes, come in runs of one kind. {@link DryRunPlan} classifies a batch the same way without applying it.
 */
final class BatchPlan {

    private final ImportRun run;
    private final GuestDirectory directory;
    private final Repository<Person> people;
    private final Repository<GuestUnit> units;
    private final BatchRows batchRows;
    private final Set<PersonId> createdHere = new HashSet<>();

    BatchPlan(ImportRun run, WorkspaceSettings workspace, GuestDirectory directory, Repository<Person> people, Repository<GuestUnit> units) {
        this.run = run;
        this.directory = directory;
        this.people = people;
        this.units = units;
        this.batchRows = new BatchRows(run, workspace);
    }

    /**
     * New people are placed first, then the rows that change people already known, each group in row
     * order: a person created by an earlier row is updated by a later one as before, and the events of
     * the batch come in long runs of one kind.
     */
    List<RowResult> apply(List<RawRow> rows) {
        List<RowReading> readings = batchRows.read(rows);
        Map<String, PersonId> holders = claimPhones(readings);
        UnitTargeting targeting = new UnitTargeting(run, people, holders, createdHere);
        Map<RowReading, UnitId> targets = targeting.targets(readings);
        targeting.forEachNewUnit((id, name, side, tags) -> create(units, () -> GuestUnit.create(id, run.workspaceId(), name, side, tags)));
        RowResult[] results = new RowResult[readings.size()];
        for (int i = 0; i < results.length; i++) {
            RowReading reading = readings.get(i);
            if (reading.validPhone() && createdHere.contains(holders.get(reading.e164()))) {
                results[i] = inviteableAfter(place(reading, holders.get(reading.e164()), targets.get(reading), targeting), targeting);
            }
        }
        for (int i = 0; i < results.length; i++) {
            RowReading reading = readings.get(i);
            if (results[i] == null) {
                results[i] = reading.validPhone()
                        ? inviteableAfter(place(reading, holders.get(reading.e164()), targets.get(reading), targeting), targeting)
                        : unplaced(reading);
            }
        }
        return List.of(results);
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

    private RowResult place(RowReading reading, PersonId personId, UnitId target, UnitTargeting targeting) {
        batchRows.noteDuplicate(reading);
        boolean unitCreated = targeting.isNew(target);
        if (createdHere.remove(personId)) {
            create(people, () -> Person.register(personId, run.workspaceId(), target, reading.nameOrPhone(), reading.phone(),
                    reading.email(), reading.notes()));
            return result(reading, Outcome.CREATED, personId, target,
                    new Before(true, unitCreated, null, null, false, false, false, null, List.of()));
        }
        return people.load(personId.toString()).invoke(person -> update(reading, person, personId, target, unitCreated));
    }

    /**
     * A placed row is inviteable when its unit is, right after the row (SPEC's glossary): the unit is
     * active (a placement restores it) and the row's person has a valid phone, so only a chosen
     * primary contact who is still a member and has no valid phone makes it not inviteable.
     */
    private RowResult inviteableAfter(RowResult placed, UnitTargeting targeting) {
        if (!placed.inviteable() || targeting.isNew(placed.unitId())) {
            return placed;
        }
        UnitId unit = placed.unitId();
        PersonId contact = units.load(unit.toString()).invoke(GuestUnit::primaryContact);
        boolean inviteable = contact == null || contact.equals(placed.personId())
                || people.load(contact.toString()).invoke(person -> !unit.equals(person.unitId()) || person.reachableIn(unit));
        return inviteable ? placed : new RowResult(placed.rowNumber(), placed.raw(), placed.parsed(), placed.outcome(),
                placed.warnings(), false, placed.personId(), unit, placed.before());
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
        boolean renamed = renames(reading, person.name());
        if (renamed) {
            person.rename(reading.row().name().trim());
        }
        boolean contactChanged = takeContact(reading, person);
        UnitChange unitChange = unitCreated ? UnitChange.NONE
                : units.load(target.toString()).invoke(unit -> changeUnit(unit, reading));
        Outcome outcome = removed || unitChange.restored() ? Outcome.REACTIVATED
                : moved || renamed || contactChanged || unitChange.changed() ? Outcome.UPDATED : Outcome.UNCHANGED;
        return result(reading, outcome, personId, target, new Before(false, unitCreated, renamed ? nameBefore : null,
                removed || moved ? before : null, removed, unitChange.restored(), unitChange.sideChanged(),
                unitChange.sideBefore(), unitChange.addedTags()));
    }

    /** Email and notes from the row, each only when the row gives one: a blank cell never overwrites. Undo keeps them. */
    private static boolean takeContact(RowReading reading, Person person) {
        String email = reading.email() != null ? reading.email() : person.email();
        String notes = reading.notes() != null ? reading.notes() : person.notes();
        boolean changes = !java.util.Objects.equals(email, person.email()) || !java.util.Objects.equals(notes, person.notes());
        person.changeContact(email, notes);
        return changes;
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

    private static <T> void create(Repository<T> repository, Callable<T> factory) {
        try {
            repository.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
