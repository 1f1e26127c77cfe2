package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.UndoImportCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reverts a completed run with new events, newest row first (SPEC §4.4): people it created are
 * deleted, people it reactivated removed again, moves and renames reversed, units restored to their
 * side, tags and status, and units it created discarded once empty. One unit of work: all or nothing.
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
                throw io.guestlist.kernel.error.GuestlistException.notFound("Import run");
            }
            r.ensureUndoable();
        });
        List<RowResult> rows = new ArrayList<>();
        eventStore.readEvents(command.runId().toString()).asStream()
                .filter(e -> e.getPayload() instanceof ImportRowsRecordedEvent)
                .forEach(e -> rows.addAll(((ImportRowsRecordedEvent) e.getPayload()).rows()));
        Set<UnitId> createdUnits = new LinkedHashSet<>();
        Map<UnitId, Set<PersonId>> leaving = new HashMap<>();
        // Every reverted row takes its person out of the row's unit; the directory still shows the
        // members as they were, because it is updated when this unit of work commits.
        for (int i = rows.size() - 1; i >= 0; i--) {
            RowResult row = rows.get(i);
            if (row.before() != null) {
                revert(row, createdUnits);
                RowResult.Before before = row.before();
                if (before.personCreated() || before.personRemoved() || before.unitId() != null) {
                    leaving.computeIfAbsent(row.unitId(), u -> new HashSet<>()).add(row.personId());
                }
            }
        }
        for (UnitId unit : createdUnits) {
            if (leaving.getOrDefault(unit, Set.of()).containsAll(directory.membersOf(unit))) {
                units.load(unit.toString()).execute(GuestUnit::discard);
            }
        }
        run.execute(ImportRun::markUndone);
    }

    private void revert(RowResult row, Set<UnitId> createdUnits) {
        RowResult.Before before = row.before();
        Aggregate<Person> person = people.load(row.personId().toString());
        if (before.personCreated()) {
            person.execute(Person::delete);
        } else {
            if (before.name() != null) {
                person.execute(p -> p.rename(before.name()));
            }
            if (before.personRemoved()) {
                person.execute(Person::remove);
            } else if (before.unitId() != null) {
                person.execute(p -> p.moveTo(before.unitId()));
            }
        }
        if (before.unitCreated()) {
            createdUnits.add(row.unitId());
        } else if (before.unitArchived() || before.sideChanged() || !before.addedTags().isEmpty()) {
            units.load(row.unitId().toString()).execute(u ->
                    u.revert(before.unitArchived(), before.sideChanged(), before.side(), before.addedTags()));
        }
    }
}
