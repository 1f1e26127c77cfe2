package io.guestlist.command.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/** Drives, through test-only commands, what imports call on a person: {@code register}, {@code reactivateIn}, {@code moveTo}, {@code changeContact}, and an undo's {@code delete} and {@code restoreContact}. */
class ImportCalls {

    record Register(PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name, Phone phone) {
    }

    record ReactivateIn(PersonId personId, UnitId unitId) {
    }

    record MoveTo(PersonId personId, UnitId unitId) {
    }

    record Delete(PersonId personId) {
    }

    record ChangeContact(PersonId personId, String email, String notes) {
    }

    record RestoreContact(PersonId personId, String email, String notes) {
    }

    private final Repository<Person> people;

    ImportCalls(Repository<Person> people) {
        this.people = people;
    }

    @CommandHandler
    void handle(Register command) throws Exception {
        people.newInstance(() -> Person.register(command.personId(), command.workspaceId(), command.unitId(),
                command.name(), command.phone(), null, null));
    }

    @CommandHandler
    void handle(ReactivateIn command) {
        people.load(command.personId().toString()).execute(person -> person.reactivateIn(command.unitId()));
    }

    @CommandHandler
    void handle(MoveTo command) {
        people.load(command.personId().toString()).execute(person -> person.moveTo(command.unitId()));
    }

    @CommandHandler
    void handle(ChangeContact command) {
        people.load(command.personId().toString()).execute(person -> person.changeContact(command.email(), command.notes()));
    }

    /** Through the undo's own entry point. */
    @CommandHandler
    void handle(RestoreContact command) {
        new People(people).restoreContact(command.personId(), command.email(), command.notes());
    }

    @CommandHandler
    void handle(Delete command) {
        people.load(command.personId().toString()).execute(Person::delete);
    }
}
