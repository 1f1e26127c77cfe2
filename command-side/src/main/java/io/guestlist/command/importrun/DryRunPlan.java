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
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.guestlist.command.importrun.BatchRows.renames;
import static io.guestlist.command.importrun.BatchRows.result;
import static io.guestlist.command.importrun.BatchRows.unplaced;

/**
 * A dry run of one batch: the outcome each row would have, applying nothing. The rows are targeted as
 * {@link BatchPlan} targets them, and classified against in-memory sketches of the people and units that
 * the batch's earlier rows would have changed, since nothing is written for later rows to read back.
 * No phone is claimed: a phone nobody holds stands for a person the import would create.
 */
final class DryRunPlan {

    private record PersonSketch(String name, UnitId unit, boolean removed) {
    }

    private record UnitSketch(boolean archived, String side, Set<String> addedTags) {
    }

    private final ImportRun run;
    private final GuestDirectory directory;
    private final Repository<Person> people;
    private final Repository<GuestUnit> units;
    private final BatchRows batchRows;
    private final Set<PersonId> createdHere = new HashSet<>();
    private final Map<PersonId, PersonSketch> personSketches = new HashMap<>();
    private final Map<UnitId, UnitSketch> unitSketches = new HashMap<>();

    DryRunPlan(ImportRun run, WorkspaceSettings workspace, GuestDirectory directory, Repository<Person> people, Repository<GuestUnit> units) {
        this.run = run;
        this.directory = directory;
        this.people = people;
        this.units = units;
        this.batchRows = new BatchRows(run, workspace);
    }

    List<RowResult> classify(List<RawRow> rows) {
        List<RowReading> readings = batchRows.read(rows);
        Map<String, PersonId> holders = holdersOrUnknown(readings);
        UnitTargeting targeting = new UnitTargeting(run, people, holders, createdHere);
        Map<RowReading, UnitId> targets = targeting.targets(readings);
        List<RowResult> results = new ArrayList<>(readings.size());
        for (RowReading reading : readings) {
            results.add(reading.validPhone()
                    ? wouldPlace(reading, holders.get(reading.e164()), targets.get(reading), targeting.isNew(targets.get(reading)))
                    : unplaced(reading));
        }
        return results;
    }

    /** The current holder of each valid phone, or a made-up id, counted as created here, for a phone nobody holds. */
    private Map<String, PersonId> holdersOrUnknown(List<RowReading> readings) {
        Map<String, PersonId> holders = new HashMap<>(directory.holdersOf(run.workspaceId(),
                readings.stream().filter(RowReading::validPhone).map(RowReading::e164).toList()));
        readings.stream().filter(RowReading::validPhone).filter(r -> !holders.containsKey(r.e164())).forEach(r -> {
            PersonId unknown = PersonId.random();
            holders.put(r.e164(), unknown);
            createdHere.add(unknown);
        });
        return holders;
    }

    private RowResult wouldPlace(RowReading reading, PersonId personId, UnitId target, boolean unitCreated) {
        batchRows.noteDuplicate(reading);
        boolean created = createdHere.remove(personId);
        PersonSketch person = created ? null : personSketches.computeIfAbsent(personId, id -> people.load(id.toString())
                .invoke(p -> new PersonSketch(p.name(), p.unitId(), p.isRemoved())));
        boolean renamed = person != null && renames(reading, person.name());
        personSketches.put(personId, new PersonSketch(renamed || created ? reading.nameOrPhone() : person.name(), target, false));
        if (created) {
            return result(reading, Outcome.CREATED, null, null, null);
        }
        boolean unitChanged = false;
        boolean restored = false;
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
}
