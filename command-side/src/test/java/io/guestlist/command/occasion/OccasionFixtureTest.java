package io.guestlist.command.occasion;

import io.guestlist.command.directory.InMemoryGuestDirectory;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.occasion.ArchiveOccasionCommand;
import io.guestlist.kernel.occasion.AudienceOverrideClearedEvent;
import io.guestlist.kernel.occasion.AudienceOverrideSetEvent;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import io.guestlist.kernel.occasion.ClearAudienceOverrideCommand;
import io.guestlist.kernel.occasion.CreateOccasionCommand;
import io.guestlist.kernel.occasion.OccasionArchivedEvent;
import io.guestlist.kernel.occasion.OccasionCreatedEvent;
import io.guestlist.kernel.occasion.OccasionRenamedEvent;
import io.guestlist.kernel.occasion.RenameAudienceSideCommand;
import io.guestlist.kernel.occasion.RenameAudienceTagCommand;
import io.guestlist.kernel.occasion.RenameOccasionCommand;
import io.guestlist.kernel.occasion.SetAudienceOverrideCommand;
import io.guestlist.kernel.occasion.SetAudienceRulesCommand;
import io.guestlist.kernel.occasion.TagMatch;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.guestlist.kernel.occasion.OverrideMode.FORCE_EXCLUDE;
import static io.guestlist.kernel.occasion.OverrideMode.FORCE_INCLUDE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OccasionFixtureTest {

    private static final WorkspaceId WS = WorkspaceId.random();
    private static final WorkspaceId OTHER_WS = WorkspaceId.random();
    private static final OccasionId MEHNDI = OccasionId.random();
    private static final UnitId SHARMAS = UnitId.random();
    private static final UnitId ARCHIVED_KAPOORS = UnitId.random();
    private static final UnitId STRANGERS = UnitId.random();

    private FixtureConfiguration<Occasion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Occasion.class);
        fixture.registerInjectableResource(new InMemoryGuestDirectory().withWorkspace(WS, "IN", List.of("Bride", "Groom", "Both"))
                .withUnit(WS, SHARMAS).withArchivedUnit(WS, ARCHIVED_KAPOORS).withUnit(OTHER_WS, STRANGERS));
    }

    private static OccasionCreatedEvent created() {
        return new OccasionCreatedEvent(MEHNDI, WS, "Mehndi");
    }

    private static AudienceRules brideFamily() {
        return new AudienceRules(new AudienceRules.Include(false, List.of("Bride"), List.of("family"), TagMatch.ANY),
                new AudienceRules.Exclude(null, List.of("no-kids-event")));
    }

    @Test
    void whenCreated_thenCreatedWithTrimmedName() {
        fixture.givenNoPriorActivity()
                .when(new CreateOccasionCommand(MEHNDI, WS, "  Mehndi "))
                .expectEvents(created());
    }

    @Test
    void whenCreatedWithoutName_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOccasionCommand(MEHNDI, WS, " "))
                .expectException(rejection(ErrorCode.VALIDATION, Occasion.NAME_REQUIRED));
    }

    @Test
    void whenCreatedWithNameOver200_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateOccasionCommand(MEHNDI, WS, "x".repeat(201)))
                .expectException(rejection(ErrorCode.VALIDATION, Occasion.NAME_REQUIRED));
    }

    @Test
    void givenOccasion_whenRenamed_thenRenamed() {
        fixture.given(created())
                .when(new RenameOccasionCommand(MEHNDI, WS, "Sangeet"))
                .expectEvents(new OccasionRenamedEvent(MEHNDI, WS, "Sangeet"));
    }

    @Test
    void givenOccasion_whenRenamedToSameName_thenNothing() {
        fixture.given(created()).when(new RenameOccasionCommand(MEHNDI, WS, "Mehndi")).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenOccasionOfAnotherWorkspace_whenRenamed_thenNotFound() {
        fixture.given(created()).when(new RenameOccasionCommand(MEHNDI, OTHER_WS, "Sangeet"))
                .expectException(rejection(ErrorCode.NOT_FOUND, "Event not found"));
    }

    @Test
    void givenOccasion_whenArchived_thenArchived() {
        fixture.given(created()).when(new ArchiveOccasionCommand(MEHNDI, WS)).expectEvents(new OccasionArchivedEvent(MEHNDI, WS));
    }

    @Test
    void givenArchivedOccasion_whenAnythingChanges_thenStateConflict() {
        List<Object> changes = List.of(new RenameOccasionCommand(MEHNDI, WS, "Sangeet"), new ArchiveOccasionCommand(MEHNDI, WS),
                new SetAudienceRulesCommand(MEHNDI, WS, brideFamily()), new SetAudienceOverrideCommand(MEHNDI, WS, SHARMAS, FORCE_INCLUDE),
                new ClearAudienceOverrideCommand(MEHNDI, WS, SHARMAS));
        for (Object change : changes) {
            fixture.given(created(), new OccasionArchivedEvent(MEHNDI, WS)).when(change)
                    .expectException(rejection(ErrorCode.STATE_CONFLICT, Occasion.ARCHIVED));
        }
    }

    @Test
    void givenOccasion_whenRulesSet_thenRulesSetWithWorkspaceSpellingOfSides() {
        AudienceRules asTyped = new AudienceRules(new AudienceRules.Include(false, List.of("bride "), List.of("family"), null),
                new AudienceRules.Exclude(null, List.of("no-kids-event")));
        fixture.given(created())
                .when(new SetAudienceRulesCommand(MEHNDI, WS, asTyped))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()));
    }

    @Test
    void givenRules_whenSameRulesSetInAnotherOrder_thenNothing() {
        AudienceRules reordered = new AudienceRules(new AudienceRules.Include(false, List.of("Bride", "Bride"), List.of("family"), TagMatch.ANY),
                new AudienceRules.Exclude(List.of(), List.of("no-kids-event")));
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()))
                .when(new SetAudienceRulesCommand(MEHNDI, WS, reordered))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenNewOccasion_whenRulesOfNobodySet_thenNothing() {
        fixture.given(created()).when(new SetAudienceRulesCommand(MEHNDI, WS, new AudienceRules(null, null)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenOccasion_whenRulesNameUnknownSide_thenRejected() {
        AudienceRules unknown = new AudienceRules(null, new AudienceRules.Exclude(List.of("Caterers"), null));
        fixture.given(created()).when(new SetAudienceRulesCommand(MEHNDI, WS, unknown))
                .expectException(rejection(ErrorCode.VALIDATION, Occasion.UNKNOWN_SIDE));
    }

    @Test
    void givenOccasion_whenRulesMissing_thenRejected() {
        fixture.given(created()).when(new SetAudienceRulesCommand(MEHNDI, WS, null))
                .expectException(rejection(ErrorCode.VALIDATION, Occasion.RULES_REQUIRED));
    }

    @Test
    void blankTag_isRejectedByTheRulesThemselves() {
        assertThatThrownBy(() -> new AudienceRules.Include(false, null, List.of(" "), TagMatch.ALL))
                .isInstanceOf(GuestlistException.class).hasMessage(AudienceRules.BAD_LABEL);
    }

    @Test
    void givenOccasion_whenUnitForceIncluded_thenOverrideSet() {
        fixture.given(created()).when(new SetAudienceOverrideCommand(MEHNDI, WS, SHARMAS, FORCE_INCLUDE))
                .expectEvents(new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, FORCE_INCLUDE));
    }

    @Test
    void givenOccasion_whenArchivedUnitForceIncluded_thenOverrideSet() {
        fixture.given(created()).when(new SetAudienceOverrideCommand(MEHNDI, WS, ARCHIVED_KAPOORS, FORCE_INCLUDE))
                .expectEvents(new AudienceOverrideSetEvent(MEHNDI, WS, ARCHIVED_KAPOORS, FORCE_INCLUDE));
    }

    @Test
    void givenForceInclude_whenForceExcluded_thenReplaced() {
        fixture.given(created(), new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, FORCE_INCLUDE))
                .when(new SetAudienceOverrideCommand(MEHNDI, WS, SHARMAS, FORCE_EXCLUDE))
                .expectEvents(new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, FORCE_EXCLUDE));
    }

    @Test
    void givenForceInclude_whenForceIncludedAgain_thenNothing() {
        fixture.given(created(), new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, FORCE_INCLUDE))
                .when(new SetAudienceOverrideCommand(MEHNDI, WS, SHARMAS, FORCE_INCLUDE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenOccasion_whenUnitOfAnotherWorkspaceOverridden_thenNotFound() {
        fixture.given(created()).when(new SetAudienceOverrideCommand(MEHNDI, WS, STRANGERS, FORCE_EXCLUDE))
                .expectException(rejection(ErrorCode.NOT_FOUND, "Unit not found"));
    }

    @Test
    void givenOccasion_whenOverrideWithoutMode_thenRejected() {
        fixture.given(created()).when(new SetAudienceOverrideCommand(MEHNDI, WS, SHARMAS, null))
                .expectException(rejection(ErrorCode.VALIDATION, Occasion.MODE_REQUIRED));
    }

    @Test
    void givenOverride_whenCleared_thenCleared() {
        fixture.given(created(), new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, FORCE_EXCLUDE))
                .when(new ClearAudienceOverrideCommand(MEHNDI, WS, SHARMAS))
                .expectEvents(new AudienceOverrideClearedEvent(MEHNDI, WS, SHARMAS));
    }

    @Test
    void givenClearedOverride_whenClearedAgain_thenNothing() {
        fixture.given(created(), new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, FORCE_EXCLUDE),
                        new AudienceOverrideClearedEvent(MEHNDI, WS, SHARMAS))
                .when(new ClearAudienceOverrideCommand(MEHNDI, WS, SHARMAS))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    /** A {@link GuestlistException} with this code and message. */
    // a workspace's side rename carried over

    private static AudienceRules brideInGroomOut() {
        return new AudienceRules(new AudienceRules.Include(false, List.of("Bride", "Both"), List.of("family"), TagMatch.ALL),
                new AudienceRules.Exclude(List.of("Groom"), List.of("no-kids-event")));
    }

    @Test
    void givenRulesIncludingASide_whenTheWorkspaceRenamesIt_thenTheRulesNameTheNewSide_allElseKept() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideInGroomOut()))
                .when(new RenameAudienceSideCommand(MEHNDI, WS, "Bride", "Ladkiwale"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(
                        new AudienceRules.Include(false, List.of("Both", "Ladkiwale"), List.of("family"), TagMatch.ALL),
                        new AudienceRules.Exclude(List.of("Groom"), List.of("no-kids-event")))));
    }

    @Test
    void givenRulesExcludingASide_whenTheWorkspaceRenamesIt_thenTheExclusionNamesTheNewSide() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideInGroomOut()))
                .when(new RenameAudienceSideCommand(MEHNDI, WS, "Groom", "Ladkewale"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(brideInGroomOut().include(),
                        new AudienceRules.Exclude(List.of("Ladkewale"), List.of("no-kids-event")))));
    }

    @Test
    void givenRulesNotNamingASide_whenTheWorkspaceRenamesIt_thenNothingHappens() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()))
                .when(new RenameAudienceSideCommand(MEHNDI, WS, "Groom", "Ladkewale"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenAnArchivedEvent_whenTheWorkspaceRenamesASideItsRulesName_thenItsRulesFollowToo() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()), new OccasionArchivedEvent(MEHNDI, WS))
                .when(new RenameAudienceSideCommand(MEHNDI, WS, "Bride", "Ladkiwale"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, brideFamily().withSides(List.of("Ladkiwale"), List.of())));
    }

    @Test
    void givenAnEventOfAnotherWorkspace_whenASideRenameIsCarriedOver_thenNotFound() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()))
                .when(new RenameAudienceSideCommand(MEHNDI, OTHER_WS, "Bride", "Ladkiwale"))
                .expectNoEvents()
                .expectException(rejection(ErrorCode.NOT_FOUND, "Event not found"));
    }

    // a workspace's tag rename carried over

    private static AudienceRules familyAndCollegeInNoKidsOut() {
        return new AudienceRules(new AudienceRules.Include(false, List.of("Bride"), List.of("college", "family"), TagMatch.ALL),
                new AudienceRules.Exclude(List.of("Groom"), List.of("no-kids-event", "plus-one")));
    }

    @Test
    void givenRulesIncludingATag_whenTheWorkspaceRenamesIt_thenTheRulesNameTheNewTag_allElseKept() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, familyAndCollegeInNoKidsOut()))
                .when(new RenameAudienceTagCommand(MEHNDI, WS, "family", "close-family"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(
                        new AudienceRules.Include(false, List.of("Bride"), List.of("close-family", "college"), TagMatch.ALL),
                        familyAndCollegeInNoKidsOut().exclude())));
    }

    @Test
    void givenRulesExcludingATag_whenTheWorkspaceRenamesIt_thenTheExclusionNamesTheNewTag() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, familyAndCollegeInNoKidsOut()))
                .when(new RenameAudienceTagCommand(MEHNDI, WS, "no-kids-event", "adults-only"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(familyAndCollegeInNoKidsOut().include(),
                        new AudienceRules.Exclude(List.of("Groom"), List.of("adults-only", "plus-one")))));
    }

    @Test
    void givenRulesNamingATagTheRenameMergesInto_whenTheWorkspaceRenamesOntoIt_thenTheRulesNameItOnce() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, familyAndCollegeInNoKidsOut()))
                .when(new RenameAudienceTagCommand(MEHNDI, WS, "college", "family"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(
                        new AudienceRules.Include(false, List.of("Bride"), List.of("family"), TagMatch.ALL),
                        familyAndCollegeInNoKidsOut().exclude())));
    }

    @Test
    void givenRulesNotNamingATag_whenTheWorkspaceRenamesIt_thenNothingHappens() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()))
                .when(new RenameAudienceTagCommand(MEHNDI, WS, "college", "College friends"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenRulesNamingATagAsASide_whenTheWorkspaceRenamesTheTag_thenTheSideIsKept() {
        AudienceRules sideNamedFamily = new AudienceRules(new AudienceRules.Include(false, List.of("family"), null, null), null);
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, sideNamedFamily))
                .when(new RenameAudienceTagCommand(MEHNDI, WS, "family", "close-family"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenAnArchivedEvent_whenTheWorkspaceRenamesATagItsRulesName_thenItsRulesFollowToo() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()), new OccasionArchivedEvent(MEHNDI, WS))
                .when(new RenameAudienceTagCommand(MEHNDI, WS, "family", "close-family"))
                .expectEvents(new AudienceRulesSetEvent(MEHNDI, WS, brideFamily().withTags(List.of("close-family"), List.of("no-kids-event"))));
    }

    @Test
    void givenAnEventOfAnotherWorkspace_whenATagRenameIsCarriedOver_thenNotFound() {
        fixture.given(created(), new AudienceRulesSetEvent(MEHNDI, WS, brideFamily()))
                .when(new RenameAudienceTagCommand(MEHNDI, OTHER_WS, "family", "close-family"))
                .expectNoEvents()
                .expectException(rejection(ErrorCode.NOT_FOUND, "Event not found"));
    }

    private static Matcher<Throwable> rejection(ErrorCode code, String message) {
        return new CustomTypeSafeMatcher<>("a rejection " + code + ": " + message) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof GuestlistException e && e.code() == code && message.equals(e.getMessage());
            }
        };
    }
}
