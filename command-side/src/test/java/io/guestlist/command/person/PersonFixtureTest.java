package io.guestlist.command.person;

import io.guestlist.command.directory.InMemoryGuestDirectory;
import io.guestlist.command.person.ImportCalls.MoveTo;
import io.guestlist.command.person.ImportCalls.ReactivateIn;
import io.guestlist.command.person.ImportCalls.Register;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.*;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.guestlist.command.Rejection.rejectedWith;
import static io.guestlist.command.person.Person.*;
import static io.guestlist.kernel.error.ErrorCode.NOT_FOUND;
import static io.guestlist.kernel.error.ErrorCode.STATE_CONFLICT;
import static io.guestlist.kernel.error.ErrorCode.VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;

class PersonFixtureTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final WorkspaceId OTHER_WORKSPACE = WorkspaceId.random();
    private static final UnitId SHARMAS = UnitId.random();
    private static final UnitId KAPOORS = UnitId.random();
    private static final UnitId ARCHIVED_UNIT = UnitId.random();
    private static final UnitId UNIT_OF_OTHER_WORKSPACE = UnitId.random();
    private static final PersonId ASHA = PersonId.random();
    private static final PersonId VIKRAM = PersonId.random();
    private static final String ASHAS_E164 = "+919876543210";
    private static final Phone ASHAS_PHONE = Phone.valid("98765 43210", ASHAS_E164, true);
    private static final String NEW_E164 = "+919123456789";

    private final InMemoryGuestDirectory directory = new InMemoryGuestDirectory()
            .withWorkspace(WORKSPACE, "IN", List.of("Bride", "Groom", "Both"))
            .withWorkspace(OTHER_WORKSPACE, "GB", List.of("Bride", "Groom", "Both"))
            .withUnit(WORKSPACE, SHARMAS).withUnit(WORKSPACE, KAPOORS).withArchivedUnit(WORKSPACE, ARCHIVED_UNIT)
            .withUnit(OTHER_WORKSPACE, UNIT_OF_OTHER_WORKSPACE);
    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(directory);
        fixture.registerAnnotatedCommandHandler(new ImportCalls(fixture.getRepository()));
    }

    private static AddPersonCommand add(UnitId unit, String name, String phone, String country) {
        return new AddPersonCommand(ASHA, WORKSPACE, unit, name, phone, country);
    }

    /** Asha in the Sharmas' unit with her phone, which she holds in the directory. */
    private PersonAddedEvent ashaAdded() {
        directory.withClaim(WORKSPACE, ASHAS_E164, ASHA);
        return new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", ASHAS_PHONE);
    }

    private static PersonRemovedEvent ashaRemoved() {
        return new PersonRemovedEvent(ASHA, WORKSPACE, SHARMAS);
    }

    private static PersonDeletedEvent ashaDeleted() {
        return new PersonDeletedEvent(ASHA, WORKSPACE, SHARMAS);
    }

    private static ReactivatePersonCommand readd(UnitId unit, String name) {
        return new ReactivatePersonCommand(ASHA, WORKSPACE, unit, name, ASHAS_E164);
    }

    private static ChangePersonPhoneCommand changePhone(String phone) {
        return new ChangePersonPhoneCommand(ASHA, WORKSPACE, phone, null);
    }

    // add

    @Test
    void givenUnit_whenPersonAddedWithValidPhone_thenAddedWithE164AndPhoneClaimed() {
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, " Asha Sharma ", "98765 43210", null))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", ASHAS_PHONE));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenUnit_whenPersonAddedWithCountry_thenPhoneReadInThatCountry() {
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, "Asha Sharma", "07400 123456", "gb"))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma",
                        Phone.valid("07400 123456", "+447400123456", true)));
    }

    @Test
    void givenUnit_whenPersonAddedWithMalformedPhone_thenRawAndReasonKeptAndNothingClaimed() {
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, "Asha Sharma", "98765 4321", null))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", Phone.invalid("98765 4321", "INVALID_NUMBER")));
        assertThat(directory.claimCount()).isZero();
    }

    @Test
    void givenUnit_whenDependentAddedWithoutPhone_thenAddedWithoutPhoneAndNothingClaimed() {
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, "Baby Sharma", "  ", null))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Baby Sharma", null));
        assertThat(directory.claimCount()).isZero();
    }

    @Test
    void givenPhoneHeldByAnotherPerson_whenPersonAddedWithIt_thenPhoneTakenNamingTheHolder() {
        directory.withClaim(WORKSPACE, ASHAS_E164, VIKRAM);
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, "Asha Sharma", "+91 98765 43210", null))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.PHONE_TAKEN, PHONE_TAKEN)
                        .withDetail("personId", VIKRAM.toString()).withDetail("phone", ASHAS_E164));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(VIKRAM);
    }

    @Test
    void givenPhoneHeldInAnotherWorkspace_whenPersonAddedWithIt_thenAddedAndClaimedHere() {
        directory.withClaim(OTHER_WORKSPACE, ASHAS_E164, VIKRAM);
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, "Asha Sharma", "98765 43210", null))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", ASHAS_PHONE));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenArchivedUnit_whenPersonAdded_thenConflictAndNothingClaimed() {
        fixture.givenNoPriorActivity()
                .when(add(ARCHIVED_UNIT, "Asha Sharma", "98765 43210", null))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, UNIT_ARCHIVED));
        assertThat(directory.claimCount()).isZero();
    }

    @Test
    void givenNoSuchUnit_whenPersonAdded_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(add(UnitId.random(), "Asha Sharma", "98765 43210", null))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, UNIT_NOT_FOUND));
    }

    @Test
    void givenUnitOfAnotherWorkspace_whenPersonAddedToIt_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(add(UNIT_OF_OTHER_WORKSPACE, "Asha Sharma", null, null))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, UNIT_NOT_FOUND));
    }

    @Test
    void givenUnit_whenPersonAddedWithoutName_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, " ", null, null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenUnit_whenPersonAddedWithPhoneOver1000Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(add(SHARMAS, "Asha Sharma", "9".repeat(1001), null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, FIELD_TOO_LONG));
    }

    @Test
    void givenNothing_whenImportRegistersPerson_thenAdded() {
        fixture.givenNoPriorActivity()
                .when(new Register(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", ASHAS_PHONE))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", ASHAS_PHONE));
    }

    // rename

    @Test
    void givenPerson_whenRenamed_thenRenamedTrimmed() {
        fixture.given(ashaAdded())
                .when(new RenamePersonCommand(ASHA, WORKSPACE, " Asha Kapoor "))
                .expectEvents(new PersonRenamedEvent(ASHA, WORKSPACE, "Asha Kapoor"));
    }

    @Test
    void givenRenamedPerson_whenRenamedToTheSameName_thenNothingHappens() {
        fixture.given(ashaAdded(), new PersonRenamedEvent(ASHA, WORKSPACE, "Asha Kapoor"))
                .when(new RenamePersonCommand(ASHA, WORKSPACE, "Asha Kapoor"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenPerson_whenRenamedToBlank_thenRejected() {
        fixture.given(ashaAdded())
                .when(new RenamePersonCommand(ASHA, WORKSPACE, ""))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    // phone

    @Test
    void givenPersonWithPhone_whenPhoneChanged_thenNewPhoneClaimedAndOldReleased() {
        fixture.given(ashaAdded())
                .when(changePhone("091234 56789"))
                .expectEvents(new PersonPhoneChangedEvent(ASHA, WORKSPACE, Phone.valid("091234 56789", NEW_E164, true)));
        assertThat(directory.holderOf(WORKSPACE, NEW_E164)).contains(ASHA);
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).isEmpty();
    }

    @Test
    void givenPhoneHeldByAnotherPerson_whenPhoneChangedToIt_thenPhoneTakenAndOldPhoneKept() {
        directory.withClaim(WORKSPACE, NEW_E164, VIKRAM);
        fixture.given(ashaAdded())
                .when(changePhone("+91 91234 56789"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.PHONE_TAKEN, PHONE_TAKEN).withDetail("personId", VIKRAM.toString()));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
        assertThat(directory.holderOf(WORKSPACE, NEW_E164)).contains(VIKRAM);
    }

    @Test
    void givenPersonWithPhone_whenPhoneRemoved_thenPhoneNoneAndReleased() {
        fixture.given(ashaAdded())
                .when(changePhone(null))
                .expectEvents(new PersonPhoneChangedEvent(ASHA, WORKSPACE, null));
        assertThat(directory.claimCount()).isZero();
    }

    @Test
    void givenPersonWithPhone_whenChangedToMalformedPhone_thenRawKeptAndOldReleased() {
        fixture.given(ashaAdded())
                .when(changePhone("not a phone"))
                .expectEvents(new PersonPhoneChangedEvent(ASHA, WORKSPACE, Phone.invalid("not a phone", "NOT_A_NUMBER")));
        assertThat(directory.claimCount()).isZero();
    }

    @Test
    void givenPersonWithPhone_whenTheSamePhoneGiven_thenNothingHappens() {
        fixture.given(ashaAdded())
                .when(changePhone("98765 43210"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenPersonWithPhone_whenSameNumberWrittenDifferently_thenRawChangedAndClaimKept() {
        fixture.given(ashaAdded())
                .when(changePhone("+91 98765 43210"))
                .expectEvents(new PersonPhoneChangedEvent(ASHA, WORKSPACE, Phone.valid("+91 98765 43210", ASHAS_E164, true)));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenDependent_whenGivenAPhone_thenPhoneClaimed() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null))
                .when(changePhone("98765 43210"))
                .expectEvents(new PersonPhoneChangedEvent(ASHA, WORKSPACE, ASHAS_PHONE));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenPerson_whenPhoneChangedWithCountryOver1000Characters_thenRejected() {
        fixture.given(ashaAdded())
                .when(new ChangePersonPhoneCommand(ASHA, WORKSPACE, "98765 43210", "I".repeat(1001)))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, FIELD_TOO_LONG));
    }

    // contact details and edits in one command

    private static EditPersonCommand edit(String name, String phone, String email, String notes) {
        return new EditPersonCommand(ASHA, WORKSPACE, name, phone, null, email, notes);
    }

    @Test
    void givenUnit_whenPersonAddedWithEmailAndNotes_thenAddedWithThemTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new AddPersonCommand(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, null, " asha@example.org ", "Vegetarian\nNo nuts\n"))
                .expectEvents(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, "asha@example.org", "Vegetarian\nNo nuts"));
    }

    @Test
    void givenUnit_whenPersonAddedWithImplausibleEmail_thenRejectedAndNothingClaimed() {
        fixture.givenNoPriorActivity()
                .when(new AddPersonCommand(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", "98765 43210", null, "98765 43210", null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_EMAIL));
        assertThat(directory.claimCount()).isZero();
    }

    @Test
    void givenPerson_whenEditedInEveryField_thenOneEventPerChangedField() {
        fixture.given(ashaAdded())
                .when(edit("Asha Kapoor", "091234 56789", "asha@example.org", "Vegetarian"))
                .expectEvents(new PersonPhoneChangedEvent(ASHA, WORKSPACE, Phone.valid("091234 56789", NEW_E164, true)),
                        new PersonRenamedEvent(ASHA, WORKSPACE, "Asha Kapoor"),
                        new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@example.org", "Vegetarian"));
        assertThat(directory.holderOf(WORKSPACE, NEW_E164)).contains(ASHA);
    }

    @Test
    void givenPerson_whenEditedToWhatSheAlreadyHas_thenNothingHappens() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, "asha@example.org", "Vegetarian"))
                .when(edit("Asha Sharma", "", "asha@example.org", "Vegetarian"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenPersonWithContact_whenEmailClearedAndNotesLeft_thenContactChangedToNotesOnly() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, "asha@example.org", "Vegetarian"))
                .when(edit(null, null, "", null))
                .expectEvents(new PersonContactChangedEvent(ASHA, WORKSPACE, null, "Vegetarian"));
    }

    @Test
    void givenPerson_whenEditedWithANewNameAndAnImplausibleEmail_thenNothingChanges() {
        fixture.given(ashaAdded())
                .when(edit("Asha Kapoor", "091234 56789", "not an email", null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_EMAIL));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
        assertThat(directory.holderOf(WORKSPACE, NEW_E164)).isEmpty();
    }

    @Test
    void givenPerson_whenEditedWithABlankName_thenNothingChanges() {
        fixture.given(ashaAdded())
                .when(edit(" ", null, "asha@example.org", null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenPerson_whenEditedWithNotesOverTheBound_thenRejected() {
        fixture.given(ashaAdded())
                .when(edit(null, null, null, "n".repeat(4001)))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NOTES_TOO_LONG));
    }

    @Test
    void givenPhoneHeldByAnotherPerson_whenEditedWithItAndANewName_thenPhoneTakenAndNothingChanges() {
        directory.withClaim(WORKSPACE, NEW_E164, VIKRAM);
        fixture.given(ashaAdded())
                .when(edit("Asha Kapoor", "+91 91234 56789", null, null))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.PHONE_TAKEN, PHONE_TAKEN).withDetail("personId", VIKRAM.toString()));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenPersonWithNotes_whenImportGivesOnlyAnEmail_thenNotesKept() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, null, "Vegetarian"))
                .when(new ImportCalls.ChangeContact(ASHA, "asha@example.org", "Vegetarian"))
                .expectEvents(new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@example.org", "Vegetarian"));
    }

    @Test
    void givenAnImportGaveHerAFirstEmail_whenItsUndoRestoresNone_thenEmailCleared() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, null, "Vegetarian"),
                        new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@example.org", "Vegetarian"))
                .when(new ImportCalls.RestoreContact(ASHA, null, "Vegetarian"))
                .expectEvents(new PersonContactChangedEvent(ASHA, WORKSPACE, null, "Vegetarian"));
    }

    @Test
    void givenAnImportReplacedHerEmailAndNotes_whenItsUndoRestoresThem_thenBothAsBefore() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, "asha@old.example", "Vegetarian"),
                        new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@new.example", "Vegan"))
                .when(new ImportCalls.RestoreContact(ASHA, "asha@old.example", "Vegetarian"))
                .expectEvents(new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@old.example", "Vegetarian"));
    }

    @Test
    void givenContactAsItWas_whenAnUndoRestoresIt_thenNothingHappens() {
        fixture.given(new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha Sharma", null, "asha@old.example", null))
                .when(new ImportCalls.RestoreContact(ASHA, "asha@old.example", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // move

    @Test
    void givenPerson_whenMovedToAnotherUnit_thenOneMoveFromOldToNew() {
        fixture.given(ashaAdded())
                .when(new MovePersonCommand(ASHA, WORKSPACE, KAPOORS))
                .expectEvents(new PersonMovedEvent(ASHA, WORKSPACE, SHARMAS, KAPOORS));
    }

    @Test
    void givenMovedPerson_whenMovedToTheUnitSheIsIn_thenConflict() {
        fixture.given(ashaAdded(), new PersonMovedEvent(ASHA, WORKSPACE, SHARMAS, KAPOORS))
                .when(new MovePersonCommand(ASHA, WORKSPACE, KAPOORS))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, ALREADY_THERE));
    }

    @Test
    void givenRemovedPerson_whenMoved_thenReactivatedInThatUnit() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(new MovePersonCommand(ASHA, WORKSPACE, KAPOORS))
                .expectEvents(new PersonReactivatedEvent(ASHA, WORKSPACE, KAPOORS));
    }

    @Test
    void givenRemovedPerson_whenMovedToArchivedUnit_thenConflict() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(new MovePersonCommand(ASHA, WORKSPACE, ARCHIVED_UNIT))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, UNIT_ARCHIVED));
    }

    @Test
    void givenDeletedPerson_whenMoved_thenNotFound() {
        fixture.given(ashaAdded(), ashaDeleted())
                .when(new MovePersonCommand(ASHA, WORKSPACE, KAPOORS))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Person not found"));
    }

    @Test
    void givenReactivatedPerson_whenMoved_thenMovedFromTheUnitSheWasReactivatedIn() {
        fixture.given(ashaAdded(), ashaRemoved(), new PersonReactivatedEvent(ASHA, WORKSPACE, KAPOORS))
                .when(new MovePersonCommand(ASHA, WORKSPACE, SHARMAS))
                .expectEvents(new PersonMovedEvent(ASHA, WORKSPACE, KAPOORS, SHARMAS));
    }

    @Test
    void givenPerson_whenMovedToArchivedUnit_thenConflict() {
        fixture.given(ashaAdded())
                .when(new MovePersonCommand(ASHA, WORKSPACE, ARCHIVED_UNIT))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, UNIT_ARCHIVED));
    }

    @Test
    void givenPerson_whenMovedToUnitOfAnotherWorkspace_thenNotFound() {
        fixture.given(ashaAdded())
                .when(new MovePersonCommand(ASHA, WORKSPACE, UNIT_OF_OTHER_WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, UNIT_NOT_FOUND));
    }

    @Test
    void givenPerson_whenImportMovesHerToHerOwnUnit_thenNothingHappens() {
        fixture.given(ashaAdded())
                .when(new MoveTo(ASHA, SHARMAS))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // remove and reactivate

    @Test
    void givenPerson_whenRemovedFromHerUnit_thenRemovedAndPhoneKept() {
        fixture.given(ashaAdded())
                .when(new RemovePersonCommand(ASHA, WORKSPACE, SHARMAS))
                .expectEvents(ashaRemoved());
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenPerson_whenRemovedFromAnotherUnit_thenNotFound() {
        fixture.given(ashaAdded())
                .when(new RemovePersonCommand(ASHA, WORKSPACE, KAPOORS))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, NOT_IN_THAT_UNIT));
    }

    @Test
    void givenRemovedPerson_whenRemovedAgain_thenNotFound() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(new RemovePersonCommand(ASHA, WORKSPACE, SHARMAS))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, NOT_IN_THAT_UNIT));
    }

    @Test
    void givenRemovedPerson_whenImportReactivatesHer_thenReactivatedInThatUnit() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(new ReactivateIn(ASHA, KAPOORS))
                .expectEvents(new PersonReactivatedEvent(ASHA, WORKSPACE, KAPOORS));
    }

    // re-add by phone (SPEC §2.1: the claim stays with her throughout)

    @Test
    void givenRemovedPerson_whenReaddedByHerPhone_thenReactivatedInThatUnitUnderTheNameGiven() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(readd(KAPOORS, " Asha Kapoor "))
                .expectEvents(new PersonReactivatedEvent(ASHA, WORKSPACE, KAPOORS), new PersonRenamedEvent(ASHA, WORKSPACE, "Asha Kapoor"));
        assertThat(directory.holderOf(WORKSPACE, ASHAS_E164)).contains(ASHA);
    }

    @Test
    void givenRemovedPerson_whenReaddedUnderHerOwnName_thenOnlyReactivated() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(readd(SHARMAS, "Asha Sharma"))
                .expectEvents(new PersonReactivatedEvent(ASHA, WORKSPACE, SHARMAS));
    }

    @Test
    void givenActivePerson_whenReaddedByHerPhone_thenPhoneTakenNamingHer() {
        fixture.given(ashaAdded())
                .when(readd(KAPOORS, "Asha Kapoor"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.PHONE_TAKEN, PHONE_TAKEN)
                        .withDetail("personId", ASHA.toString()).withDetail("phone", ASHAS_E164));
    }

    @Test
    void givenRemovedPerson_whenReaddedWithoutName_thenRejected() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(readd(KAPOORS, " "))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenRemovedPerson_whenReaddedIntoArchivedUnit_thenConflict() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(readd(ARCHIVED_UNIT, "Asha"))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, UNIT_ARCHIVED));
    }

    @Test
    void givenRemovedPersonWhosePhoneChanged_whenReaddedByTheOldPhone_thenToldSheNoLongerHoldsIt() {
        fixture.given(ashaAdded(), ashaRemoved(), new PersonPhoneChangedEvent(ASHA, WORKSPACE, null))
                .when(readd(KAPOORS, "Asha"))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, NO_LONGER_HOLDS_PHONE));
    }

    @Test
    void givenDeletedPerson_whenReaddedByHerOldPhone_thenToldSheNoLongerHoldsIt() {
        fixture.given(ashaAdded(), ashaDeleted())
                .when(readd(KAPOORS, "Asha"))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, NO_LONGER_HOLDS_PHONE));
    }

    // delete

    @Test
    void givenPerson_whenDeleted_thenDeletedFromHerUnit() {
        fixture.given(ashaAdded())
                .when(new DeletePersonCommand(ASHA, WORKSPACE))
                .expectEvents(ashaDeleted());
    }

    @Test
    void givenRemovedPerson_whenDeleted_thenDeletedFromNoUnit() {
        fixture.given(ashaAdded(), ashaRemoved())
                .when(new DeletePersonCommand(ASHA, WORKSPACE))
                .expectEvents(new PersonDeletedEvent(ASHA, WORKSPACE, null));
    }

    @Test
    void givenDeletedPerson_whenDeletedAgain_thenNotFound() {
        fixture.given(ashaAdded(), ashaDeleted())
                .when(new DeletePersonCommand(ASHA, WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Person not found"));
    }

    static Stream<Object> everyPersonCommandOnADeletedPerson() {
        return Stream.of(new RenamePersonCommand(ASHA, WORKSPACE, "Asha Kapoor"),
                new ChangePersonPhoneCommand(ASHA, WORKSPACE, "091234 56789", null),
                new EditPersonCommand(ASHA, WORKSPACE, null, null, null, "asha@example.org", null),
                new RemovePersonCommand(ASHA, WORKSPACE, SHARMAS));
    }

    @ParameterizedTest
    @MethodSource("everyPersonCommandOnADeletedPerson")
    void givenDeletedPerson_whenCommanded_thenNotFound(Object command) {
        fixture.given(ashaAdded(), ashaDeleted())
                .when(command)
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Person not found"));
    }

    @Test
    void givenDeletedPerson_whenImportUndoDeletesHerAgain_thenNothingHappens() {
        fixture.given(ashaAdded(), ashaDeleted())
                .when(new ImportCalls.Delete(ASHA))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // erase

    @Test
    void givenPerson_whenErased_thenDeletedAndErased() {
        fixture.given(ashaAdded())
                .when(new ErasePersonCommand(ASHA, WORKSPACE))
                .expectEvents(ashaDeleted(), new PersonErasedEvent(ASHA, WORKSPACE));
    }

    @Test
    void givenDeletedPerson_whenErased_thenErasedOnly() {
        fixture.given(ashaAdded(), ashaDeleted())
                .when(new ErasePersonCommand(ASHA, WORKSPACE))
                .expectEvents(new PersonErasedEvent(ASHA, WORKSPACE));
    }

    @Test
    void givenErasedPerson_whenErasedAgain_thenNotFound() {
        fixture.given(ashaAdded(), ashaDeleted(), new PersonErasedEvent(ASHA, WORKSPACE))
                .when(new ErasePersonCommand(ASHA, WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Person not found"));
    }

    @Test
    void givenPerson_whenErasedFromAnotherWorkspace_thenNotFound() {
        fixture.given(ashaAdded())
                .when(new ErasePersonCommand(ASHA, OTHER_WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Person not found"));
    }

    // workspace

    static Stream<Object> everyPersonCommandFromAnotherWorkspace() {
        return Stream.of(new RenamePersonCommand(ASHA, OTHER_WORKSPACE, "Asha Kapoor"),
                new ChangePersonPhoneCommand(ASHA, OTHER_WORKSPACE, "091234 56789", null),
                new EditPersonCommand(ASHA, OTHER_WORKSPACE, "Asha Kapoor", null, null, null, null),
                new MovePersonCommand(ASHA, OTHER_WORKSPACE, UNIT_OF_OTHER_WORKSPACE),
                new RemovePersonCommand(ASHA, OTHER_WORKSPACE, SHARMAS),
                new DeletePersonCommand(ASHA, OTHER_WORKSPACE));
    }

    @ParameterizedTest
    @MethodSource("everyPersonCommandFromAnotherWorkspace")
    void givenPerson_whenCommandedFromAnotherWorkspace_thenNotFound(Object command) {
        fixture.given(ashaAdded())
                .when(command)
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Person not found"));
        assertThat(directory.claimCount()).isEqualTo(1);
    }
}
