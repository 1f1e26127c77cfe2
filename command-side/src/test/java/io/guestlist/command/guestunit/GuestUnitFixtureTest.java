package io.guestlist.command.guestunit;

import io.guestlist.command.directory.InMemoryGuestDirectory;
import io.guestlist.kernel.guestunit.*;
import io.guestlist.command.guestunit.ImportAndMergeCalls.CreateForImport;
import io.guestlist.command.guestunit.ImportAndMergeCalls.MergeInto;
import io.guestlist.command.guestunit.ImportAndMergeCalls.RestoreIfArchived;
import io.guestlist.kernel.guestunit.UnitMergedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.guestlist.command.Rejection.rejectedWith;
import static io.guestlist.command.guestunit.GuestUnit.*;
import static io.guestlist.kernel.error.ErrorCode.NOT_FOUND;
import static io.guestlist.kernel.error.ErrorCode.STATE_CONFLICT;
import static io.guestlist.kernel.error.ErrorCode.VALIDATION;

class GuestUnitFixtureTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final WorkspaceId OTHER_WORKSPACE = WorkspaceId.random();
    private static final List<String> SIDES = List.of("Bride", "Groom", "Both");
    private static final UnitId UNIT = UnitId.random();
    private static final UnitId OTHER_UNIT = UnitId.random();
    private static final PersonId ASHA = PersonId.random();
    private static final PersonId VIKRAM = PersonId.random();

    private final InMemoryGuestDirectory directory = new InMemoryGuestDirectory()
            .withWorkspace(WORKSPACE, "IN", SIDES)
            .withWorkspace(OTHER_WORKSPACE, "GB", List.of("Family", "Friends"));
    private FixtureConfiguration<GuestUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuestUnit.class);
        fixture.registerInjectableResource(directory);
        fixture.registerAnnotatedCommandHandler(new ImportAndMergeCalls(fixture.getRepository()));
    }

    private static UnitCreatedEvent aUnitCreated(String side, String... tags) {
        return new UnitCreatedEvent(UNIT, WORKSPACE, "The Sharmas", side, Set.of(tags));
    }

    private static UnitCreatedEvent aUnitCreated() {
        return aUnitCreated(null);
    }

    private static UnitArchivedEvent archived() {
        return new UnitArchivedEvent(UNIT, WORKSPACE);
    }

    // edit: one command, every field or none

    private static EditUnitCommand edit(String name, String side, Set<String> tags, Boolean archived) {
        return new EditUnitCommand(UNIT, WORKSPACE, name, side, tags, archived);
    }

    @Test
    void givenArchivedUnit_whenEditedInEveryFieldAndRestored_thenRestoredFirstThenEachChange() {
        fixture.given(aUnitCreated("Bride", "family"), archived())
                .when(edit(" The Sharma Family ", "groom", Set.of("vip"), false))
                .expectEvents(new UnitRestoredEvent(UNIT, WORKSPACE),
                        new UnitSideSetEvent(UNIT, WORKSPACE, "Groom"),
                        new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("vip")),
                        new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("family")),
                        new UnitRenamedEvent(UNIT, WORKSPACE, "The Sharma Family"));
    }

    @Test
    void givenUnit_whenRenamedAndArchived_thenArchivedLast() {
        fixture.given(aUnitCreated())
                .when(edit("The Sharma Family", null, null, true))
                .expectEvents(new UnitRenamedEvent(UNIT, WORKSPACE, "The Sharma Family"), archived());
    }

    @Test
    void givenUnit_whenEditedToWhatItAlreadyIs_thenNothingHappens() {
        fixture.given(aUnitCreated("Bride", "family"))
                .when(edit("The Sharmas", "bride", Set.of("family"), false))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenArchivedUnit_whenArchivedAgain_thenNothingHappens() {
        fixture.given(aUnitCreated(), archived())
                .when(edit(null, null, null, true))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenUnitWithSide_whenSideCleared_thenSideNone() {
        fixture.given(aUnitCreated("Bride"))
                .when(edit(null, "", null, null))
                .expectEvents(new UnitSideSetEvent(UNIT, WORKSPACE, null));
    }

    @Test
    void givenUnit_whenEditedWithANewNameAndAnUnknownSide_thenNothingChanges() {
        fixture.given(aUnitCreated())
                .when(edit("The Sharma Family", "Neighbours", Set.of("vip"), true))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, UNKNOWN_SIDE));
    }

    @Test
    void givenUnit_whenEditedWithATagAndABlankName_thenNothingChanges() {
        fixture.given(aUnitCreated())
                .when(edit(" ", "Bride", Set.of("vip"), null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenUnit_whenEditedWithABadTag_thenNothingChanges() {
        fixture.given(aUnitCreated())
                .when(edit("The Sharma Family", null, Set.of("x".repeat(101)), null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_TAG));
    }

    @Test
    void givenUnit_whenEditedFromAnotherWorkspace_thenNotFound() {
        fixture.given(aUnitCreated())
                .when(new EditUnitCommand(UNIT, OTHER_WORKSPACE, "Mine", null, null, null))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Unit not found"));
    }

    // tag rename, one unit at a time

    @Test
    void givenTaggedUnit_whenTagRenamed_thenOldRemovedAndNewAdded() {
        fixture.given(aUnitCreated(null, "college", "vip"))
                .when(new RenameUnitTagCommand(UNIT, WORKSPACE, "college", " College friends "))
                .expectEvents(new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("college")),
                        new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("College friends")));
    }

    @Test
    void givenUnitWithBothTags_whenOneRenamedToTheOther_thenOnlyTheOldRemoved() {
        fixture.given(aUnitCreated(null, "college", "vip"))
                .when(new RenameUnitTagCommand(UNIT, WORKSPACE, "college", "vip"))
                .expectEvents(new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("college")));
    }

    @Test
    void givenUnitWithoutTheTag_whenTagRenamed_thenNothingHappens() {
        fixture.given(aUnitCreated(null, "vip"))
                .when(new RenameUnitTagCommand(UNIT, WORKSPACE, "college", "friends"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenTaggedUnit_whenTagRenamedToBlank_thenRejected() {
        fixture.given(aUnitCreated(null, "college"))
                .when(new RenameUnitTagCommand(UNIT, WORKSPACE, "college", " "))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_TAG));
    }

    @Test
    void givenTaggedUnit_whenTagRenamedFromAnotherWorkspace_thenNotFound() {
        fixture.given(aUnitCreated(null, "college"))
                .when(new RenameUnitTagCommand(UNIT, OTHER_WORKSPACE, "college", "friends"))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Unit not found"));
    }

    // create

    @Test
    void givenNothing_whenCreated_thenNameTrimmedSideCanonicalAndTagsTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, WORKSPACE, " The Sharmas ", " bRIDE ", Set.of(" vip ", "family")))
                .expectEvents(new UnitCreatedEvent(UNIT, WORKSPACE, "The Sharmas", "Bride", Set.of("family", "vip")));
    }

    @Test
    void givenNothing_whenCreatedWithBlankSideAndNoTags_thenNoSideAndNoTags() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, WORKSPACE, "The Sharmas", " ", null))
                .expectEvents(new UnitCreatedEvent(UNIT, WORKSPACE, "The Sharmas", null, Set.of()));
    }

    @Test
    void givenNothing_whenCreatedWithSideOfAnotherWorkspace_thenRejectedNamingTheAllowedSides() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, OTHER_WORKSPACE, "The Sharmas", "Bride", Set.of()))
                .expectNoEvents()
                .expectException(rejectedWith(VALIDATION, UNKNOWN_SIDE).withDetail("allowedSides", List.of("Family", "Friends")));
    }

    @Test
    void givenNothing_whenCreatedInUnknownWorkspace_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, WorkspaceId.random(), "The Sharmas", null, Set.of()))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Workspace not found"));
    }

    @Test
    void givenNothing_whenCreatedWithBlankName_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, WORKSPACE, " ", null, Set.of()))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenNothing_whenCreatedWithNameOver1000Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, WORKSPACE, "x".repeat(1001), null, Set.of()))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenNothing_whenCreatedWithBlankTag_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnitCommand(UNIT, WORKSPACE, "The Sharmas", null, Set.of("vip", " ")))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_TAG));
    }

    @Test
    void givenNothing_whenImportCreatesUnit_thenCreatedWithItsSideUnchecked() {
        fixture.givenNoPriorActivity()
                .when(new CreateForImport(UNIT, WORKSPACE, " The Sharmas ", "Neighbours", Set.of(" vip ")))
                .expectEvents(new UnitCreatedEvent(UNIT, WORKSPACE, "The Sharmas", "Neighbours", Set.of("vip")));
    }

    static Stream<Object> everyUnitCommandFromAnotherWorkspace() {
        return Stream.of(new RenameUnitCommand(UNIT, OTHER_WORKSPACE, "Sharma Family"),
                new ArchiveUnitCommand(UNIT, OTHER_WORKSPACE),
                new RestoreUnitCommand(UNIT, OTHER_WORKSPACE),
                new SetUnitSideCommand(UNIT, OTHER_WORKSPACE, "Family"),
                new SetUnitTagsCommand(UNIT, OTHER_WORKSPACE, Set.of("vip")),
                new ChoosePrimaryContactCommand(UNIT, OTHER_WORKSPACE, ASHA));
    }

    @ParameterizedTest
    @MethodSource("everyUnitCommandFromAnotherWorkspace")
    void givenUnit_whenCommandedFromAnotherWorkspace_thenNotFound(Object command) {
        directory.withMember(ASHA, UNIT);
        fixture.given(aUnitCreated())
                .when(command)
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, "Unit not found"));
    }

    // rename

    @Test
    void givenUnit_whenRenamed_thenRenamedTrimmed() {
        fixture.given(aUnitCreated())
                .when(new RenameUnitCommand(UNIT, WORKSPACE, " Sharma Family "))
                .expectEvents(new UnitRenamedEvent(UNIT, WORKSPACE, "Sharma Family"));
    }

    @Test
    void givenRenamedUnit_whenRenamedToTheSameName_thenNothingHappens() {
        fixture.given(aUnitCreated(), new UnitRenamedEvent(UNIT, WORKSPACE, "Sharma Family"))
                .when(new RenameUnitCommand(UNIT, WORKSPACE, "Sharma Family  "))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenUnit_whenRenamedToBlank_thenRejected() {
        fixture.given(aUnitCreated())
                .when(new RenameUnitCommand(UNIT, WORKSPACE, ""))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    // archive and restore

    @Test
    void givenUnit_whenArchived_thenArchived() {
        fixture.given(aUnitCreated())
                .when(new ArchiveUnitCommand(UNIT, WORKSPACE))
                .expectEvents(archived());
    }

    @Test
    void givenArchivedUnit_whenArchived_thenConflict() {
        fixture.given(aUnitCreated(), archived())
                .when(new ArchiveUnitCommand(UNIT, WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, ARCHIVED));
    }

    @Test
    void givenArchivedUnit_whenRestored_thenRestored() {
        fixture.given(aUnitCreated(), archived())
                .when(new RestoreUnitCommand(UNIT, WORKSPACE))
                .expectEvents(new UnitRestoredEvent(UNIT, WORKSPACE));
    }

    @Test
    void givenRestoredUnit_whenRestored_thenConflict() {
        fixture.given(aUnitCreated(), archived(), new UnitRestoredEvent(UNIT, WORKSPACE))
                .when(new RestoreUnitCommand(UNIT, WORKSPACE))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, NOT_ARCHIVED));
    }

    @Test
    void givenArchivedUnit_whenImportRestoresIt_thenRestored() {
        fixture.given(aUnitCreated(), archived())
                .when(new RestoreIfArchived(UNIT))
                .expectEvents(new UnitRestoredEvent(UNIT, WORKSPACE));
    }

    @Test
    void givenActiveUnit_whenImportRestoresIt_thenNothingHappens() {
        fixture.given(aUnitCreated())
                .when(new RestoreIfArchived(UNIT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // side

    @Test
    void givenUnit_whenSideSetInAnyCase_thenCanonicalSideSet() {
        fixture.given(aUnitCreated("Bride"))
                .when(new SetUnitSideCommand(UNIT, WORKSPACE, "groom"))
                .expectEvents(new UnitSideSetEvent(UNIT, WORKSPACE, "Groom"));
    }

    @Test
    void givenUnitOnASide_whenSetToThatSide_thenNothingHappens() {
        fixture.given(aUnitCreated(), new UnitSideSetEvent(UNIT, WORKSPACE, "Groom"))
                .when(new SetUnitSideCommand(UNIT, WORKSPACE, "GROOM"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenUnitOnASide_whenSideCleared_thenSideSetToNone() {
        fixture.given(aUnitCreated("Bride"))
                .when(new SetUnitSideCommand(UNIT, WORKSPACE, null))
                .expectEvents(new UnitSideSetEvent(UNIT, WORKSPACE, null));
    }

    @Test
    void givenUnit_whenSideUnknown_thenRejected() {
        fixture.given(aUnitCreated())
                .when(new SetUnitSideCommand(UNIT, WORKSPACE, "Neighbours"))
                .expectNoEvents()
                .expectException(rejectedWith(VALIDATION, UNKNOWN_SIDE).withDetail("allowedSides", SIDES));
    }

    // tags

    @Test
    void givenTaggedUnit_whenTagsSet_thenMissingAddedAndOthersRemoved() {
        fixture.given(aUnitCreated(null, "family", "vip"))
                .when(new SetUnitTagsCommand(UNIT, WORKSPACE, Set.of("vip", " college ")))
                .expectEvents(new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("college")),
                        new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("family")));
    }

    @Test
    void givenTagsAddedAndRemoved_whenTheSameTagsSet_thenNothingHappens() {
        fixture.given(aUnitCreated(null, "family"), new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("vip")),
                        new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("family")))
                .when(new SetUnitTagsCommand(UNIT, WORKSPACE, Set.of("vip")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenTaggedUnit_whenNoTagsSet_thenAllRemoved() {
        fixture.given(aUnitCreated(null, "family", "vip"))
                .when(new SetUnitTagsCommand(UNIT, WORKSPACE, Set.of()))
                .expectEvents(new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("family", "vip")));
    }

    @Test
    void givenUnit_whenTagOver100CharactersSet_thenRejected() {
        fixture.given(aUnitCreated(null, "family"))
                .when(new SetUnitTagsCommand(UNIT, WORKSPACE, Set.of("t".repeat(101))))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_TAG));
    }

    // primary contact

    @Test
    void givenUnitWithMember_whenMemberChosenAsPrimaryContact_thenChosen() {
        directory.withMember(ASHA, UNIT);
        fixture.given(aUnitCreated())
                .when(new ChoosePrimaryContactCommand(UNIT, WORKSPACE, ASHA))
                .expectEvents(new PrimaryContactChosenEvent(UNIT, WORKSPACE, ASHA));
    }

    @Test
    void givenPrimaryContact_whenChosenAgain_thenNothingHappens() {
        directory.withMember(ASHA, UNIT);
        fixture.given(aUnitCreated(), new PrimaryContactChosenEvent(UNIT, WORKSPACE, ASHA))
                .when(new ChoosePrimaryContactCommand(UNIT, WORKSPACE, ASHA))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenPersonOfAnotherUnit_whenChosenAsPrimaryContact_thenRejected() {
        directory.withMember(ASHA, UNIT).withMember(VIKRAM, OTHER_UNIT);
        fixture.given(aUnitCreated())
                .when(new ChoosePrimaryContactCommand(UNIT, WORKSPACE, VIKRAM))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NOT_A_MEMBER));
    }

    @Test
    void givenArchivedUnit_whenPrimaryContactChosen_thenConflict() {
        directory.withMember(ASHA, UNIT);
        fixture.given(aUnitCreated(), archived())
                .when(new ChoosePrimaryContactCommand(UNIT, WORKSPACE, ASHA))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, ARCHIVED));
    }

    // merge (the source's half; moving the members is MergeUnitsHandler's)

    @Test
    void givenUnit_whenMergedIntoAnother_thenMergedThenArchived() {
        fixture.given(aUnitCreated())
                .when(new MergeInto(UNIT, OTHER_UNIT))
                .expectEvents(new UnitMergedEvent(UNIT, WORKSPACE, OTHER_UNIT), archived());
    }

    @Test
    void givenUnit_whenMergedIntoItself_thenRejected() {
        fixture.given(aUnitCreated())
                .when(new MergeInto(UNIT, UNIT))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, MERGE_INTO_ITSELF));
    }

    @Test
    void givenArchivedUnit_whenMerged_thenConflict() {
        fixture.given(aUnitCreated(), archived())
                .when(new MergeInto(UNIT, OTHER_UNIT))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, ARCHIVED));
    }
}
