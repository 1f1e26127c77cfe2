package io.guestlist.command.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.concurrent.Callable;

/**
 * What work spanning many people (an import, its undo, a merge of units) may ask of and do to a
 * person, inside the caller's unit of work. {@link Person} stays package-private: these are its only
 * doors besides its own command handlers.
 */
@Component
public class People {

    /** A person as an import sees them: their name, and their unit ({@code null} when removed). */
    public record Known(String name, UnitId unitId, String email, String notes) {
    }

    /** Which aspects of a person were last changed by one request or run (a correlation id). */
    public record LastChanges(boolean all, boolean name, boolean unit, boolean contact) {
    }

    private final Repository<Person> people;

    People(Repository<Person> people) {
        this.people = people;
    }

    public Known known(PersonId person) {
        return people.load(person.toString()).invoke(p -> new Known(p.name(), p.unitId(), p.email(), p.notes()));
    }

    /** A new person, their phone already parsed and claimed by the caller. */
    public void register(PersonId person, WorkspaceId workspace, UnitId unit, String name, Phone phone, String email, String notes) {
        create(() -> Person.register(person, workspace, unit, name, phone, email, notes));
    }

    /** Email and notes from an import row, each only when given ({@code null} keeps what the person has). */
    public void changeContact(PersonId person, String email, String notes) {
        people.load(person.toString()).execute(p -> p.changeContact(email != null ? email : p.email(), notes != null ? notes : p.notes()));
    }

    /** An undone import's email and notes: exactly as they were before it ({@code null}: none). */
    public void restoreContact(PersonId person, String email, String notes) {
        people.load(person.toString()).execute(p -> p.changeContact(email, notes));
    }

    /** Whether the person is a member of the unit with a valid phone (a chosen primary contact the unit can be invited through). */
    public boolean reachableIn(PersonId person, UnitId unit) {
        return people.load(person.toString()).invoke(p -> p.reachableIn(unit));
    }

    /**
     * Places a person known already: reactivated in {@code unit} when removed, else moved there when
     * elsewhere; renamed when {@code newName} is given.
     */
    public void place(PersonId person, UnitId unit, boolean reactivate, String newName) {
        people.load(person.toString()).execute(p -> {
            if (reactivate) {
                p.reactivateIn(unit);
            } else {
                p.moveTo(unit);
            }
            if (newName != null) {
                p.rename(newName);
            }
        });
    }

    public void rename(PersonId person, String newName) {
        people.load(person.toString()).execute(p -> p.rename(newName));
    }

    public void moveTo(PersonId person, UnitId unit) {
        people.load(person.toString()).execute(p -> p.moveTo(unit));
    }

    public LastChanges lastChanges(PersonId person, String correlationId) {
        return people.load(person.toString()).invoke(p -> new LastChanges(p.lastChangedOnlyIn(correlationId),
                p.nameLastChangedIn(correlationId), p.unitLastChangedIn(correlationId), p.contactLastChangedIn(correlationId)));
    }

    /** An undone import's new person: gone, phone identity released. */
    public void delete(PersonId person) {
        people.load(person.toString()).execute(Person::delete);
    }

    /** An undone import's reactivation: removed again. */
    public void remove(PersonId person) {
        people.load(person.toString()).execute(Person::remove);
    }

    private void create(Callable<Person> factory) {
        try {
            people.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
