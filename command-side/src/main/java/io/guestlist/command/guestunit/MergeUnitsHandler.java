package io.guestlist.command.guestunit;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.person.People;
import io.guestlist.kernel.guestunit.MergeUnitsCommand;
import io.guestlist.kernel.ids.PersonId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Merges two units in one unit of work: every member of the source moves to the target and the
 * source is archived; one transaction, so a merge is never half done.
 */
@Component
class MergeUnitsHandler {

    private final Repository<GuestUnit> units;
    private final People people;
    private final GuestDirectory directory;

    MergeUnitsHandler(Repository<GuestUnit> units, People people, GuestDirectory directory) {
        this.units = units;
        this.people = people;
        this.directory = directory;
    }

    @CommandHandler
    void handle(MergeUnitsCommand command) {
        Aggregate<GuestUnit> source = units.load(command.sourceUnitId().toString());
        Aggregate<GuestUnit> target = units.load(command.targetUnitId().toString());
        source.execute(u -> u.ensureIn(command.workspaceId()));
        target.execute(u -> {
            u.ensureIn(command.workspaceId());
            u.ensureActive();
        });
        source.execute(u -> u.mergeInto(command.targetUnitId()));
        for (PersonId member : directory.membersOf(command.sourceUnitId())) {
            people.moveTo(member, command.targetUnitId());
        }
    }

}
