package io.guestlist.command.guestunit;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.Set;

/**
 * Drives, through test-only commands, what other handlers call on a unit: MergeUnitsHandler the
 * package-private {@code mergeInto}, imports {@code create} and {@code restoreIfArchived}.
 */
class ImportAndMergeCalls {

    record MergeInto(UnitId unitId, UnitId target) {
    }

    record RestoreIfArchived(UnitId unitId) {
    }

    record CreateForImport(UnitId unitId, WorkspaceId workspaceId, String name, String side, Set<String> tags) {
    }

    private final Repository<GuestUnit> units;

    ImportAndMergeCalls(Repository<GuestUnit> units) {
        this.units = units;
    }

    @CommandHandler
    void handle(MergeInto command) {
        units.load(command.unitId().toString()).execute(unit -> unit.mergeInto(command.target()));
    }

    @CommandHandler
    void handle(RestoreIfArchived command) {
        units.load(command.unitId().toString()).execute(GuestUnit::restoreIfArchived);
    }

    @CommandHandler
    void handle(CreateForImport command) throws Exception {
        units.newInstance(() -> GuestUnit.create(command.unitId(), command.workspaceId(), command.name(),
                command.side(), command.tags()));
    }
}
