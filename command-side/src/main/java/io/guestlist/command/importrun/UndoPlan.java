package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.guestunit.Units;
import io.guestlist.command.person.People;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, before anything is reverted, what undoing each row of a run reverts (SPEC §4.4). An aspect
 * the row changed (a person's existence, name, email and notes or membership; a unit's existence, status, side or a
 * tag) is reverted only while the run's change is the last one made to it: the aggregates remember,
 * per aspect, the request or run (correlation id) that changed it last. A person is not moved back
 * into a unit another undo has discarded since. A plan covers one batch of rows; within it, everything is
 * decided first because the undo's own reversals would otherwise look like later work to the rows
 * reverted after them (across batches, the undo's events carry the run's id, so they do not).
 */
final class UndoPlan {

    private final String run;
    private final WorkspaceId workspace;
    private final People people;
    private final Units units;
    private final GuestDirectory directory;
    private final List<RowReversal> reversals = new ArrayList<>();
    private final List<UnitId> unitsToDiscard = new ArrayList<>();

    private UndoPlan(ImportRunId runId, WorkspaceId workspace, People people, Units units,
                     GuestDirectory directory) {
        // The run's own events carry its id as their correlation id (ImportPass).
        this.run = runId.toString();
        this.workspace = workspace;
        this.people = people;
        this.units = units;
        this.directory = directory;
    }

    static UndoPlan of(ImportRunId runId, WorkspaceId workspace, List<RowResult> rows, People people,
                       Units units, GuestDirectory directory) {
        UndoPlan plan = new UndoPlan(runId, workspace, people, units, directory);
        rows.stream().filter(row -> row.before() != null).forEach(row -> plan.reversals.add(plan.decide(row)));
        plan.decideCreatedUnits();
        return plan;
    }

    /** The rows that changed something, in row order. */
    List<RowReversal> reversals() {
        return reversals;
    }

    /** Units the run created that nothing but the run touched and that the undo leaves empty. */
    List<UnitId> unitsToDiscard() {
        return unitsToDiscard;
    }

    List<Integer> keptNewerChangeRows() {
        return reversals.stream().filter(RowReversal::keptNewerChange).map(r -> r.row().rowNumber()).toList();
    }

    private RowReversal decide(RowResult row) {
        RowReversal person = personPart(row, people.lastChanges(row.personId(), run));
        Before before = row.before();
        boolean changedExistingUnit = !before.unitCreated()
                && (before.unitArchived() || before.sideChanged() || !before.addedTags().isEmpty());
        return changedExistingUnit ? withUnitPart(person, units.stillTheRuns(row.unitId(), before.addedTags(), run)) : person;
    }

    /** The row's reversal as far as its person goes. */
    private RowReversal personPart(RowResult row, People.LastChanges person) {
        Before before = row.before();
        if (before.personCreated()) {
            boolean delete = person.all();
            return new RowReversal(row, delete, false, false, false, false, false, List.of(), !delete);
        }
        boolean renamed = before.name() != null;
        boolean placed = before.personRemoved() || before.unitId() != null;
        boolean revertName = renamed && person.name();
        boolean revertContact = before.contactChanged() && person.contact();
        boolean revertUnit = placed && person.unit() && (before.personRemoved() || stillExists(before.unitId()));
        return new RowReversal(row, false, revertName, revertContact, revertUnit, false, false, List.of(),
                renamed != revertName || before.contactChanged() != revertContact || placed != revertUnit);
    }

    /** A person an earlier undo batch left in place, whose membership is still the one the run gave them. */
    private boolean placedByTheRun(PersonId person) {
        return people.lastChanges(person, run).unit();
    }

    /** Whether the unit a person would move back to is still there: another run's undo may have discarded it since. */
    private boolean stillExists(UnitId unit) {
        return directory.unitActive(workspace, unit).isPresent();
    }

    /** The reversal with what the row changed on a unit that existed before the run. */
    private RowReversal withUnitPart(RowReversal reversal, Units.StillTheRuns unit) {
        Before before = reversal.row().before();
        boolean rearchive = before.unitArchived() && unit.status();
        boolean revertSide = before.sideChanged() && unit.side();
        List<String> tags = unit.tags();
        boolean kept = reversal.keptNewerChange() || before.unitArchived() != rearchive || before.sideChanged() != revertSide
                || tags.size() < before.addedTags().size();
        return new RowReversal(reversal.row(), reversal.deletePerson(), reversal.revertName(), reversal.revertContact(),
                reversal.revertUnit(), rearchive, revertSide, tags, kept);
    }

    /**
     * A unit the run created is discarded once the undo empties it, unless later work changed it.
     * It stays, and the row that created it is kept_newer_change, when later work changed the unit
     * or placed someone else in it; when it stays only for people the run placed and kept, their
     * rows say so.
     */
    private void decideCreatedUnits() {
        Map<UnitId, Integer> creatingRow = new LinkedHashMap<>();
        Map<UnitId, Set<PersonId>> leaving = new HashMap<>();
        Set<PersonId> runPeople = new HashSet<>();
        for (int i = 0; i < reversals.size(); i++) {
            RowReversal reversal = reversals.get(i);
            RowResult row = reversal.row();
            runPeople.add(row.personId());
            if (row.before().unitCreated()) {
                creatingRow.putIfAbsent(row.unitId(), i);
            }
            if (reversal.personLeavesUnit()) {
                leaving.computeIfAbsent(row.unitId(), u -> new HashSet<>()).add(row.personId());
            }
        }
        creatingRow.forEach((unit, index) -> {
            // The directory shows the members as they are before the undo: it changes when the undo commits.
            Set<PersonId> staying = new HashSet<>(directory.membersOf(unit));
            staying.removeAll(leaving.getOrDefault(unit, Set.of()));
            boolean onlyTheRun = units.lastChangedOnlyIn(unit, run);
            if (onlyTheRun && staying.isEmpty()) {
                unitsToDiscard.add(unit);
            } else if (!onlyTheRun || !staying.stream().allMatch(p -> runPeople.contains(p) || placedByTheRun(p))) {
                reversals.set(index, reversals.get(index).asKeptNewerChange());
            }
        });
    }
}
