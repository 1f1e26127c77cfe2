package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.guestunit.Units;
import io.guestlist.command.person.People;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.UndoImportCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * Reverts a completed (or failed) run with new events, newest row first (SPEC §4.4): people it created are
 * deleted, people it reactivated removed again, moves and renames reversed, email and notes restored, units restored to their
 * side, tags and status, and units it created discarded once empty. A change that later work changed
 * again is left as it is ({@link UndoPlan}), and the undo records those rows. The undo goes batch by
 * batch (one recorded batch of the run each, newest first), each batch one unit of work that also
 * records how far the undo has come, so an undo interrupted by a crash goes on where it stopped. Its
 * events carry the run's id as correlation id: to the batches still to revert, the undo's reversals
 * are the run's own work, not later work.
 */
@Component
class UndoImportHandler {

    private final Repository<ImportRun> runs;
    private final People people;
    private final Units units;
    private final RecordedBatches batches;
    private final GuestDirectory directory;
    private final ImportLeases leases;

    UndoImportHandler(Repository<ImportRun> runs, People people, Units units,
                      RecordedBatches batches, GuestDirectory directory, ImportLeases leases) {
        this.runs = runs;
        this.people = people;
        this.units = units;
        this.batches = batches;
        this.directory = directory;
        this.leases = leases;
    }

    @CommandHandler
    void handle(UndoImportCommand command) {
        runs.load(command.runId().toString()).execute(r -> {
            if (!r.workspaceId().equals(command.workspaceId())) {
                throw GuestlistException.notFound("Import run");
            }
            r.startUndo();
        });
    }

    /** @return whether a batch is left to revert */
    @CommandHandler
    boolean handle(UndoImportBatchCommand command) {
        if (!leases.renew(command.runId(), command.leaseOwner())) {
            throw new ImportLeaseLostException(command.runId());
        }
        Aggregate<ImportRun> run = runs.load(command.runId().toString());
        if (!run.invoke(ImportRun::undoing)) {
            return false;
        }
        OptionalLong next = run.invoke(ImportRun::nextBatchToUndo);
        if (next.isEmpty()) {
            run.execute(ImportRun::finishUndo);
            return false;
        }
        List<RowResult> rows = batches.rows(command.runId(), next.getAsLong());
        WorkspaceId workspace = run.invoke(ImportRun::workspaceId);
        UndoPlan plan = UndoPlan.of(command.runId(), workspace, rows, people, units, directory);
        List<RowReversal> reversals = plan.reversals();
        for (int i = reversals.size() - 1; i >= 0; i--) {
            revert(reversals.get(i));
        }
        plan.unitsToDiscard().forEach(units::discard);
        run.execute(r -> r.recordUndoBatch(rows.get(0).rowNumber(), plan.keptNewerChangeRows()));
        return true;
    }

    private void revert(RowReversal reversal) {
        RowResult row = reversal.row();
        RowResult.Before before = row.before();
        if (reversal.deletePerson()) {
            people.delete(row.personId());
        }
        if (reversal.revertName()) {
            people.rename(row.personId(), before.name());
        }
        if (reversal.revertContact()) {
            people.restoreContact(row.personId(), before.email(), before.notes());
        }
        if (reversal.revertUnit() && before.personRemoved()) {
            people.remove(row.personId());
        } else if (reversal.revertUnit()) {
            people.moveTo(row.personId(), before.unitId());
        }
        if (reversal.changesUnit()) {
            units.revert(row.unitId(), reversal.rearchiveUnit(), reversal.revertSide(), before.side(), reversal.tagsToRemove());
        }
    }
}
