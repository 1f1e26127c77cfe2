package io.guestlist.command.workspace;

import io.guestlist.command.directory.InMemoryGuestDirectory;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.workspace.EditWorkspaceCommand;
import io.guestlist.kernel.workspace.WorkspaceDefaultRegionChangedEvent;
import io.guestlist.kernel.workspace.WorkspaceRenamedEvent;
import io.guestlist.kernel.workspace.WorkspaceSidesSetEvent;
import java.util.Map;

import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.AddMemberCommand;
import io.guestlist.kernel.workspace.ChangeMemberRoleCommand;
import io.guestlist.kernel.workspace.CreateWorkspaceCommand;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.RemoveMemberCommand;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.guestlist.command.Rejection.rejectedWith;
import static io.guestlist.command.workspace.Workspace.ALREADY_MEMBER;
import static io.guestlist.command.workspace.Workspace.BAD_RENAME;
import static io.guestlist.command.workspace.Workspace.BAD_SIDES;
import static io.guestlist.command.workspace.Workspace.SIDE_IN_USE;
import static io.guestlist.command.workspace.Workspace.DEFAULT_SIDES;
import static io.guestlist.command.workspace.Workspace.LAST_OWNER;
import static io.guestlist.command.workspace.Workspace.NAME_REQUIRED;
import static io.guestlist.command.workspace.Workspace.NOT_A_MEMBER;
import static io.guestlist.command.workspace.Workspace.ROLE_REQUIRED;
import static io.guestlist.command.workspace.Workspace.UNKNOWN_REGION;
import static io.guestlist.command.workspace.Workspace.USER_REQUIRED;
import static io.guestlist.kernel.error.ErrorCode.NOT_FOUND;
import static io.guestlist.kernel.error.ErrorCode.STATE_CONFLICT;
import static io.guestlist.kernel.error.ErrorCode.VALIDATION;
import static io.guestlist.kernel.workspace.Role.EDITOR;
import static io.guestlist.kernel.workspace.Role.OWNER;
import static io.guestlist.kernel.workspace.Role.VIEWER;

class WorkspaceFixtureTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final String ANITA = "anita";
    private static final String RAVI = "ravi";

    private FixtureConfiguration<Workspace> fixture;

    private static final UnitId BRIDES_UNIT = UnitId.random();
    private final InMemoryGuestDirectory directory = new InMemoryGuestDirectory()
            .withWorkspace(WORKSPACE, "IN", DEFAULT_SIDES).withUnit(WORKSPACE, BRIDES_UNIT).withUnitSide(BRIDES_UNIT, "Bride");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        fixture.registerInjectableResource(directory);
    }

    // edit: one command, every field or none

    private static EditWorkspaceCommand edit(String name, String region, List<String> sides, Map<String, String> renamed) {
        return new EditWorkspaceCommand(WORKSPACE, name, region, sides, renamed);
    }

    @Test
    void givenWorkspace_whenEditedInEveryField_thenOneEventPerChange() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit(" Sharma-Kapoor Wedding ", "gb", List.of("Bride's family", "Groom", "Both", "Friends"),
                        Map.of("Bride", "Bride's family")))
                .expectEvents(new WorkspaceRenamedEvent(WORKSPACE, "Sharma-Kapoor Wedding"),
                        new WorkspaceDefaultRegionChangedEvent(WORKSPACE, "GB"),
                        new WorkspaceSidesSetEvent(WORKSPACE, List.of("Bride's family", "Groom", "Both", "Friends"),
                                Map.of("Bride", "Bride's family")));
    }

    @Test
    void givenWorkspace_whenEditedToWhatItIs_thenNothingHappens() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit("Sharma Wedding", "IN", DEFAULT_SIDES, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenAUnitOnTheBridesSide_whenThatSideIsRemoved_thenSideInUseAndNothingChanges() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit("New name", null, List.of("Groom", "Both"), null))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SIDE_IN_USE, SIDE_IN_USE).withDetail("side", "Bride").withDetail("units", 1));
    }

    @Test
    void givenNoUnitOnTheSide_whenThatSideIsRemoved_thenSidesSet() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit(null, null, List.of("Bride", "Groom"), null))
                .expectEvents(new WorkspaceSidesSetEvent(WORKSPACE, List.of("Bride", "Groom"), Map.of()));
    }

    @Test
    void givenWorkspace_whenASideChangesOnlyItsCase_thenItIsARename() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit(null, null, List.of("BRIDE", "Groom", "Both"), null))
                .expectEvents(new WorkspaceSidesSetEvent(WORKSPACE, List.of("BRIDE", "Groom", "Both"), Map.of("Bride", "BRIDE")));
    }

    @Test
    void givenWorkspace_whenRenamedToASideNotListed_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit(null, null, List.of("Groom", "Both"), Map.of("Bride", "Bride's family")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.VALIDATION, BAD_RENAME));
    }

    @Test
    void givenARenameAlreadyMade_whenAskedAgain_thenNothingHappens() {
        fixture.given(aWorkspaceOwnedByAnita(), new WorkspaceSidesSetEvent(WORKSPACE, List.of("Bride's family", "Groom", "Both"),
                        Map.of("Bride", "Bride's family")))
                .when(edit(null, null, List.of("Bride's family", "Groom", "Both"), Map.of("Bride", "Bride's family")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenWorkspace_whenEditedWithANewNameAndAnUnknownRegion_thenNothingChanges() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit("New name", "XX", null, null))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.VALIDATION, UNKNOWN_REGION));
    }

    @Test
    void givenWorkspace_whenEditedWithABlankNameAndNewSides_thenNothingChanges() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit(" ", null, List.of("Bride", "Groom", "Both", "Friends"), null))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenWorkspace_whenEditedWithSidesEqualIgnoringCase_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(edit(null, null, List.of("Bride", "bride", "Groom", "Both"), null))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.VALIDATION, BAD_SIDES));
    }

    private static CreateWorkspaceCommand create(String name, String region, List<String> sides) {
        return new CreateWorkspaceCommand(WORKSPACE, name, region, sides, ANITA);
    }

    private static WorkspaceCreatedEvent aWorkspaceOwnedByAnita() {
        return new WorkspaceCreatedEvent(WORKSPACE, "Sharma Wedding", "IN", DEFAULT_SIDES, ANITA);
    }

    // creation

    @Test
    void givenNothing_whenCreatedWithoutSides_thenDefaultSidesAndCreatorIsOwner() {
        fixture.givenNoPriorActivity()
                .when(create("  Sharma Wedding ", "IN", null))
                .expectEvents(new WorkspaceCreatedEvent(WORKSPACE, "Sharma Wedding", "IN", List.of("Bride", "Groom", "Both"), ANITA));
    }

    @Test
    void givenNothing_whenCreatedWithEmptySides_thenDefaultSides() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "IN", List.of()))
                .expectEvents(new WorkspaceCreatedEvent(WORKSPACE, "Sharma Wedding", "IN", DEFAULT_SIDES, ANITA));
    }

    @Test
    void givenNothing_whenCreatedWithSides_thenTheyAreTrimmedAndKeptInOrder() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "IN", List.of(" Sharma ", "Kapoor")))
                .expectEvents(new WorkspaceCreatedEvent(WORKSPACE, "Sharma Wedding", "IN", List.of("Sharma", "Kapoor"), ANITA));
    }

    @Test
    void givenNothing_whenCreatedWithLowerCaseRegion_thenRegionUpperCased() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", " in ", null))
                .expectEvents(new WorkspaceCreatedEvent(WORKSPACE, "Sharma Wedding", "IN", DEFAULT_SIDES, ANITA));
    }

    @Test
    void givenNothing_whenCreatedWithBlankName_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("  ", "IN", null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenNothing_whenCreatedWithNameOver200Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("x".repeat(201), "IN", null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, NAME_REQUIRED));
    }

    @Test
    void givenNothing_whenCreatedWithUnknownRegion_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "XX", null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, UNKNOWN_REGION));
    }

    @Test
    void givenNothing_whenCreatedWithoutRegion_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", null, null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, UNKNOWN_REGION));
    }

    @Test
    void givenNothing_whenCreatedWithDuplicateSides_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "IN", List.of("Bride", " Bride")))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_SIDES));
    }

    @Test
    void givenNothing_whenCreatedWithSidesDifferingOnlyInCase_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "IN", List.of("Bride", "bride")))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_SIDES));
    }

    @Test
    void givenNothing_whenCreatedWithBlankSide_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "IN", List.of("Bride", " ")))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_SIDES));
    }

    @Test
    void givenNothing_whenCreatedWithSideOver100Characters_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(create("Sharma Wedding", "IN", List.of("x".repeat(101))))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, BAD_SIDES));
    }

    @Test
    void givenNoWorkspace_whenMemberAdded_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AddMemberCommand(WORKSPACE, RAVI, EDITOR))
                .expectNoEvents().expectException(AggregateNotFoundException.class);
    }

    // members

    @Test
    void givenWorkspace_whenMemberAdded_thenAddedWithRole() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(new AddMemberCommand(WORKSPACE, RAVI, EDITOR))
                .expectEvents(new MemberAddedEvent(WORKSPACE, RAVI, EDITOR));
    }

    @Test
    void givenMember_whenAddedAgain_thenConflict() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, VIEWER))
                .when(new AddMemberCommand(WORKSPACE, RAVI, EDITOR))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, ALREADY_MEMBER));
    }

    @Test
    void givenRemovedMember_whenAddedAgain_thenAdded() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, VIEWER), new MemberRemovedEvent(WORKSPACE, RAVI))
                .when(new AddMemberCommand(WORKSPACE, RAVI, EDITOR))
                .expectEvents(new MemberAddedEvent(WORKSPACE, RAVI, EDITOR));
    }

    @Test
    void givenWorkspace_whenMemberAddedWithoutUserId_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(new AddMemberCommand(WORKSPACE, " ", EDITOR))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, USER_REQUIRED));
    }

    @Test
    void givenWorkspace_whenMemberAddedWithUserIdOver200Characters_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(new AddMemberCommand(WORKSPACE, "u".repeat(201), EDITOR))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, USER_REQUIRED));
    }

    @Test
    void givenWorkspace_whenMemberAddedWithOverlongUserId_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(new AddMemberCommand(WORKSPACE, "r".repeat(201), EDITOR))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, USER_REQUIRED));
    }

    @Test
    void givenWorkspace_whenMemberAddedWithoutRole_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(new AddMemberCommand(WORKSPACE, RAVI, null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, ROLE_REQUIRED));
    }

    @Test
    void givenEditor_whenMadeViewer_thenRoleChanged() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR))
                .when(new ChangeMemberRoleCommand(WORKSPACE, RAVI, VIEWER))
                .expectEvents(new MemberRoleChangedEvent(WORKSPACE, RAVI, VIEWER));
    }

    @Test
    void givenEditor_whenGivenTheSameRole_thenNothingHappens() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR))
                .when(new ChangeMemberRoleCommand(WORKSPACE, RAVI, EDITOR))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenWorkspace_whenNonMembersRoleChanged_thenNotFound() {
        fixture.given(aWorkspaceOwnedByAnita())
                .when(new ChangeMemberRoleCommand(WORKSPACE, RAVI, EDITOR))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, NOT_A_MEMBER));
    }

    @Test
    void givenEditor_whenRoleChangedToNothing_thenRejected() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR))
                .when(new ChangeMemberRoleCommand(WORKSPACE, RAVI, null))
                .expectNoEvents().expectException(rejectedWith(VALIDATION, ROLE_REQUIRED));
    }

    @Test
    void givenSoleOwner_whenMadeEditor_thenLastOwnerKept() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR))
                .when(new ChangeMemberRoleCommand(WORKSPACE, ANITA, EDITOR))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, LAST_OWNER));
    }

    @Test
    void givenTwoOwners_whenOneMadeEditor_thenRoleChanged() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, OWNER))
                .when(new ChangeMemberRoleCommand(WORKSPACE, ANITA, EDITOR))
                .expectEvents(new MemberRoleChangedEvent(WORKSPACE, ANITA, EDITOR));
    }

    @Test
    void givenEditorPromotedToOwner_whenFirstOwnerRemoved_thenRemoved() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR),
                        new MemberRoleChangedEvent(WORKSPACE, RAVI, OWNER))
                .when(new RemoveMemberCommand(WORKSPACE, ANITA))
                .expectEvents(new MemberRemovedEvent(WORKSPACE, ANITA));
    }

    @Test
    void givenSecondOwnerDemoted_whenFirstOwnerRemoved_thenLastOwnerKept() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, OWNER),
                        new MemberRoleChangedEvent(WORKSPACE, RAVI, VIEWER))
                .when(new RemoveMemberCommand(WORKSPACE, ANITA))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, LAST_OWNER));
    }

    @Test
    void givenEditor_whenRemoved_thenRemoved() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR))
                .when(new RemoveMemberCommand(WORKSPACE, RAVI))
                .expectEvents(new MemberRemovedEvent(WORKSPACE, RAVI));
    }

    @Test
    void givenSoleOwner_whenRemoved_thenLastOwnerKept() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR))
                .when(new RemoveMemberCommand(WORKSPACE, ANITA))
                .expectNoEvents().expectException(rejectedWith(STATE_CONFLICT, LAST_OWNER));
    }

    @Test
    void givenRemovedMember_whenRemovedAgain_thenNotFound() {
        fixture.given(aWorkspaceOwnedByAnita(), new MemberAddedEvent(WORKSPACE, RAVI, EDITOR), new MemberRemovedEvent(WORKSPACE, RAVI))
                .when(new RemoveMemberCommand(WORKSPACE, RAVI))
                .expectNoEvents().expectException(rejectedWith(NOT_FOUND, NOT_A_MEMBER));
    }
}
