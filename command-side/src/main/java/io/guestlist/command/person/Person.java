package io.guestlist.command.person;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.AddPersonCommand;
import io.guestlist.kernel.person.ChangePersonPhoneCommand;
import io.guestlist.kernel.person.DeletePersonCommand;
import io.guestlist.kernel.person.EditPersonCommand;
import io.guestlist.kernel.person.PersonContactChangedEvent;
import io.guestlist.kernel.person.ErasePersonCommand;
import io.guestlist.kernel.person.PersonErasedEvent;
import io.guestlist.kernel.person.MovePersonCommand;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.kernel.person.ReactivatePersonCommand;
import io.guestlist.kernel.person.RemovePersonCommand;
import io.guestlist.kernel.person.RenamePersonCommand;
import io.guestlist.kernel.phone.Phone;
import io.guestlist.kernel.phone.PhoneNormalizer;
import io.guestlist.kernel.text.EmailAddress;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.privacy.PersonalData;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One guest. Holds the phone identity (claimed in the {@link GuestDirectory} before any event, so
 * of two racing claims one wins, SPEC §2.1) and the one active membership (SPEC §2.2): a move is
 * one event, so the old membership ends exactly when the new one begins. Revision 2 added
 * {@link PersonLastChanges}, revision 3 {@code deleted}, revision 4 email, notes and their last change,
 * revision 5 {@code erased} and the encryption of the personal fields in snapshots: older snapshots are
 * ignored and the person
 * is read from its events. A deleted person answers every command as not found.
 */
@Aggregate(snapshotTriggerDefinition = "personSnapshotTrigger", cache = "aggregateCache")
@Revision("5")
class Person {

    static final String NAME_REQUIRED = "A person needs a name of at most " + InputBounds.PERSON_NAME + " characters.";
    static final String PHONE_TAKEN = "Another person in this workspace already has this phone.";
    static final String UNIT_NOT_FOUND = "Unit not found";
    static final String UNIT_ARCHIVED = "The unit is archived; restore it first.";
    static final String NO_LONGER_HOLDS_PHONE = "The person no longer holds that phone.";
    static final String NOT_IN_THAT_UNIT = "The person is not a member of that unit.";
    static final String ALREADY_THERE = "The person is already in that unit.";
    static final String FIELD_TOO_LONG = "phone and country are at most " + InputBounds.PHONE + " characters.";
    static final String BAD_EMAIL = "email must look like name@example.org, at most " + InputBounds.EMAIL + " characters.";
    static final String NOTES_TOO_LONG = "notes are at most " + InputBounds.NOTES + " characters.";

    @AggregateIdentifier
    @DataSubject
    private PersonId personId;
    private WorkspaceId workspaceId;
    @PersonalData
    private String name;
    @PersonalData
    private Phone phone;
    @PersonalData
    private String email;
    @PersonalData
    private String notes;
    private UnitId unitId;
    private boolean deleted;
    private boolean erased;
    @AggregateMember
    private PersonLastChanges lastChanges = new PersonLastChanges();

    private Person() {
    }

    @CommandHandler
    Person(AddPersonCommand command, GuestDirectory directory) {
        ensureUnitAcceptsMembers(directory, command.workspaceId(), command.unitId());
        Phone phone = parsePhone(directory, command.workspaceId(), command.phone(), command.country());
        String name = validName(command.name());
        String email = validEmail(command.email());
        String notes = validNotes(command.notes());
        claim(directory, command.workspaceId(), command.personId(), phone);
        apply(new PersonAddedEvent(command.personId(), command.workspaceId(), command.unitId(), name, phone, email, notes));
    }

    /** Used by imports, with a phone already parsed and claimed, and contact details already checked ({@code null}: none). */
    public static Person register(PersonId personId, WorkspaceId workspaceId, UnitId unitId, String name, Phone phone,
                                  String email, String notes) {
        Person person = new Person();
        apply(new PersonAddedEvent(personId, workspaceId, unitId, name, phone, email, notes));
        return person;
    }

    /**
     * Every field given changes, or none does: each is checked (name, phone free, email, notes)
     * before the first event, then only the fields that differ produce one. A field set to its
     * current value changes nothing.
     */
    @CommandHandler
    void handle(EditPersonCommand command, GuestDirectory directory) {
        ensureIn(command.workspaceId());
        String newName = command.name() == null ? name : validName(command.name());
        Phone newPhone = command.phone() == null ? phone : parsePhone(directory, workspaceId, command.phone(), command.country());
        String newEmail = command.email() == null ? email : validEmail(command.email());
        String newNotes = command.notes() == null ? notes : validNotes(command.notes());
        boolean phoneChanges = !Objects.equals(newPhone, phone);
        if (phoneChanges) {
            ensureFree(directory, workspaceId, personId, newPhone);
            changePhone(directory, newPhone);
        }
        rename(newName);
        changeContact(newEmail, newNotes);
    }

    @CommandHandler
    void handle(RenamePersonCommand command) {
        ensureIn(command.workspaceId());
        rename(validName(command.name()));
    }

    @CommandHandler
    void handle(ChangePersonPhoneCommand command, GuestDirectory directory) {
        ensureIn(command.workspaceId());
        Phone newPhone = parsePhone(directory, workspaceId, command.phone(), command.country());
        if (Objects.equals(newPhone, phone)) {
            return;
        }
        ensureFree(directory, workspaceId, personId, newPhone);
        changePhone(directory, newPhone);
    }

    private void changePhone(GuestDirectory directory, Phone newPhone) {
        // Release before claiming: a person holds one claim at a time (uq_cmd_phone_claim_person).
        // Should a racing command take the new phone meanwhile, the claim fails the command and
        // its transaction takes the release back.
        if (phone != null && phone.isValid() && (newPhone == null || !phone.e164().equals(newPhone.e164()))) {
            directory.releasePhone(workspaceId, phone.e164(), personId);
        }
        claim(directory, workspaceId, personId, newPhone);
        apply(new PersonPhoneChangedEvent(personId, workspaceId, newPhone));
    }

    @CommandHandler
    void handle(MovePersonCommand command, GuestDirectory directory) {
        ensureIn(command.workspaceId());
        if (unitId == null) {
            ensureUnitAcceptsMembers(directory, workspaceId, command.toUnitId());
            reactivateIn(command.toUnitId());
            return;
        }
        if (unitId.equals(command.toUnitId())) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, ALREADY_THERE);
        }
        ensureUnitAcceptsMembers(directory, workspaceId, command.toUnitId());
        moveTo(command.toUnitId());
    }

    @CommandHandler
    void handle(RemovePersonCommand command) {
        ensureIn(command.workspaceId());
        if (unitId == null || !unitId.equals(command.fromUnitId())) {
            throw new GuestlistException(ErrorCode.NOT_FOUND, NOT_IN_THAT_UNIT);
        }
        apply(new PersonRemovedEvent(personId, workspaceId, unitId));
    }

    /**
     * An add that found this person holding its phone. A removed holder comes back into the unit
     * under the name given; an active one is the phone-taken conflict it always was. Should the
     * phone have moved on meanwhile, the caller is told so (NOT_FOUND) and tries the add again.
     */
    @CommandHandler
    void handle(ReactivatePersonCommand command, GuestDirectory directory) {
        if (deleted || !workspaceId.equals(command.workspaceId()) || phone == null || !phone.isValid()
                || !phone.e164().equals(command.phoneE164())) {
            throw new GuestlistException(ErrorCode.NOT_FOUND, NO_LONGER_HOLDS_PHONE);
        }
        if (unitId != null) {
            throw phoneTaken(phone, personId);
        }
        String newName = validName(command.name());
        ensureUnitAcceptsMembers(directory, workspaceId, command.unitId());
        reactivateIn(command.unitId());
        rename(newName);
    }

    @CommandHandler
    void handle(DeletePersonCommand command) {
        ensureIn(command.workspaceId());
        delete();
    }

    /**
     * Erases the person's personal data: deleted first (membership ended, phone released) unless they
     * are already, then erased. The key goes with the event's transaction (see the command directory).
     * A deleted person can still be erased; an erased one is not found.
     */
    @CommandHandler
    void handle(ErasePersonCommand command) {
        if (erased || !workspaceId.equals(command.workspaceId())) {
            throw GuestlistException.notFound("Person");
        }
        delete();
        apply(new PersonErasedEvent(personId, workspaceId));
    }

    /** Moves to another unit of the same workspace; the caller has checked the unit. */
    public void moveTo(UnitId target) {
        if (!target.equals(unitId)) {
            apply(new PersonMovedEvent(personId, workspaceId, unitId, target));
        }
    }

    /** Makes a removed person a member again (imports). */
    public void reactivateIn(UnitId target) {
        apply(new PersonReactivatedEvent(personId, workspaceId, target));
    }

    /** Gone, phone identity released: by hand, or an undone import's creation of this person. */
    public void delete() {
        if (deleted) {
            return;
        }
        apply(new PersonDeletedEvent(personId, workspaceId, unitId));
    }

    /** Undoes an import's reactivation: removed again. */
    public void remove() {
        if (unitId != null) {
            apply(new PersonRemovedEvent(personId, workspaceId, unitId));
        }
    }

    public void rename(String newName) {
        if (!newName.equals(name)) {
            apply(new PersonRenamedEvent(personId, workspaceId, newName));
        }
    }

    /** Sets email and notes when they differ ({@code null}: none); imports pass only what a row gives. */
    public void changeContact(String newEmail, String newNotes) {
        if (!Objects.equals(newEmail, email) || !Objects.equals(newNotes, notes)) {
            apply(new PersonContactChangedEvent(personId, workspaceId, newEmail, newNotes));
        }
    }

    public UnitId unitId() {
        return unitId;
    }

    public String email() {
        return email;
    }

    public String notes() {
        return notes;
    }

    /**
     * Whether this person is a member of {@code unit} with a valid phone: a unit whose chosen primary
     * contact is such a member is inviteable (SPEC's glossary).
     */
    public boolean reachableIn(UnitId unit) {
        return unit.equals(unitId) && phone != null && phone.isValid();
    }

    public String name() {
        return name;
    }

    public boolean isRemoved() {
        return unitId == null;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Whether the name was last changed in this request or import run (a correlation id). */
    public boolean nameLastChangedIn(String correlationId) {
        return lastChanges.nameIn(correlationId);
    }

    /** Whether the membership (unit, removal) was last changed in this request or import run. */
    public boolean unitLastChangedIn(String correlationId) {
        return lastChanges.unitIn(correlationId);
    }

    /** Whether the email and notes were last changed in this request or import run. */
    public boolean contactLastChangedIn(String correlationId) {
        return lastChanges.contactIn(correlationId);
    }

    /** Whether every aspect (name, membership, phone, contact) was last changed in this request or import run. */
    public boolean lastChangedOnlyIn(String correlationId) {
        return lastChanges.allIn(correlationId);
    }

    void ensureIn(WorkspaceId workspace) {
        if (deleted || !workspaceId.equals(workspace)) {
            throw GuestlistException.notFound("Person");
        }
    }

    private static void ensureUnitAcceptsMembers(GuestDirectory directory, WorkspaceId workspace, UnitId unit) {
        boolean active = directory.unitActive(workspace, unit).orElseThrow(() -> GuestlistException.notFound("Unit"));
        if (!active) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, UNIT_ARCHIVED);
        }
    }

    private static Phone parsePhone(GuestDirectory directory, WorkspaceId workspace, String raw, String country) {
        if ((raw != null && raw.length() > InputBounds.PHONE) || (country != null && country.length() > InputBounds.PHONE)) {
            throw GuestlistException.invalid(FIELD_TOO_LONG);
        }
        WorkspaceSettings settings = directory.workspace(workspace).orElseThrow(() -> GuestlistException.notFound("Workspace"));
        return PhoneNormalizer.parse(raw, country, settings.defaultRegion()).orElse(null);
    }

    private static void claim(GuestDirectory directory, WorkspaceId workspace, PersonId claimant, Phone phone) {
        if (phone == null || !phone.isValid()) {
            return;
        }
        directory.claimPhone(workspace, phone.e164(), claimant).ifPresent(holder -> {
            throw phoneTaken(phone, holder);
        });
    }

    /** Rejects a phone another person holds, before anything is released. */
    private static void ensureFree(GuestDirectory directory, WorkspaceId workspace, PersonId claimant, Phone phone) {
        if (phone == null || !phone.isValid()) {
            return;
        }
        PersonId holder = directory.holdersOf(workspace, List.of(phone.e164())).get(phone.e164());
        if (holder != null && !holder.equals(claimant)) {
            throw phoneTaken(phone, holder);
        }
    }

    private static GuestlistException phoneTaken(Phone phone, PersonId holder) {
        return new GuestlistException(ErrorCode.PHONE_TAKEN, PHONE_TAKEN, Map.of("phone", phone.e164(), "personId", holder.toString()));
    }

    static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > InputBounds.PERSON_NAME) {
            throw GuestlistException.invalid(NAME_REQUIRED);
        }
        return name.trim();
    }

    /** Blank is none; otherwise a plausible address ({@link EmailAddress}), trimmed. */
    static String validEmail(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!EmailAddress.isPlausible(value.trim())) {
            throw GuestlistException.invalid(BAD_EMAIL);
        }
        return value.trim();
    }

    /** Blank is none; otherwise kept as written (line breaks are meant), within bounds. */
    static String validNotes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > InputBounds.NOTES) {
            throw GuestlistException.invalid(NOTES_TOO_LONG);
        }
        return value.strip();
    }

    @EventSourcingHandler
    void on(PersonAddedEvent e) {
        personId = e.personId();
        workspaceId = e.workspaceId();
        unitId = e.unitId();
        name = e.name();
        phone = e.phone();
        email = e.email();
        notes = e.notes();
    }

    @EventSourcingHandler
    void on(PersonContactChangedEvent e) {
        email = e.email();
        notes = e.notes();
    }

    @EventSourcingHandler
    void on(PersonRenamedEvent e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(PersonPhoneChangedEvent e) {
        phone = e.phone();
    }

    @EventSourcingHandler
    void on(PersonMovedEvent e) {
        unitId = e.toUnitId();
    }

    @EventSourcingHandler
    void on(PersonRemovedEvent e) {
        unitId = null;
    }

    @EventSourcingHandler
    void on(PersonDeletedEvent e) {
        unitId = null;
        phone = null;
        deleted = true;
    }

    @EventSourcingHandler
    void on(PersonErasedEvent e) {
        name = null;
        phone = null;
        erased = true;
    }

    @EventSourcingHandler
    void on(PersonReactivatedEvent e) {
        unitId = e.unitId();
    }
}
