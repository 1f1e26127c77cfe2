package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.UndoImportCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverts a completed run with new events, newest row first (SPEC §4.4): people it created are
 * deleted, people it reactivated removed again, moves and renames reversed, units restored to their
 * side, tags and status, and units it created discarded once empty. A change that later work changed
 * again is left as it is ({@link UndoPlan}), and the undo records those rows. One unit of work: all or
 * nothing.
 */
@Component
class UndoImportHandler {

    private final Repository<ImportRun> runs;
    private final Repository<Person> people;
    private final Repository<GuestUnit> units;
    private final EventStore eventStore;
    private final GuestDirectory directory;

    UndoImportHandler(Repository<ImportRun> runs, Repository<Person> people, Repository<GuestUnit> units,
                      EventStore eventStore, GuestDirectory directory) {
        this.runs = runs;
        this.people = people;
        this.units = units;
        this.eventStore = eventStore;
        this.directory = directory;
    }

    @CommandHandler
    void handle(UndoImportCommand command) {
        Aggregate<ImportRun> run = runs.load(command.runId().toString());
        run.execute(r -> {
            if (!r.workspaceId().equals(command.workspaceId())) {
                throw GuestlistException.notFound("Import run");
            }
            r.ensureUndoable();
        });
        UndoPlan plan = UndoPlan.of(command.runId(), command.workspaceId(), recordedRows(command.runId()), people, units, directory);
        List<RowReversal> reversals = plan.reversals();
        for (int i = reversals.size() - 1; i >= 0; i--) {
            revert(reversals.get(i));
        }
        plan.unitsToDiscard().forEach(unit -> units.load(unit.toString()).execute(GuestUnit::discard));
        run.execute(r -> r.markUndone(plan.keptNewerChangeRows()));
    }

    /** Every row of the run, in order: read from its first event, past any snapshot of the run. */
    private List<RowResult> recordedRows(ImportRunId runId) {
        List<RowResult> rows = new ArrayList<>();
        eventStore.readEvents(runId.toString(), 0).asStream()
                .filter(e -> ImportRowsRecordedEvent.class.equals(e.getPayloadType()))
                .forEach(e -> rows.addAll(((ImportRowsRecordedEvent) e.getPayload()).rows()));
        return rows;
    }

    private void revert(RowReversal reversal) {
        RowResult row = reversal.row();
        RowResult.Before before = row.before();
        if (reversal.deletePerson() || reversal.revertName() || reversal.revertUnit()) {
            Aggregate<Person> person = people.load(row.personId().toString());
            if (reversal.deletePerson()) {
                person.execute(Person::delete);
            }
            if (reversal.revertName()) {
                person.execute(p -> p.rename(before.name()));
            }
            if (reversal.revertUnit() && before.personRemoved()) {
                person.execute(Person::remove);
            } else if (reversal.revertUnit()) {
                person.execute(p -> p.moveTo(before.unitId()));
            }
        }
        if (reversal.changesUnit()) {
            units.load(row.unitId().toString()).execute(u ->
                    u.revert(reversal.rearchiveUnit(), reversal.revertSide(), before.side(), reversal.tagsToRemove()));
        }
    }
}
