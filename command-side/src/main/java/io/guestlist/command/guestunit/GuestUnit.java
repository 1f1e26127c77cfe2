package io.guestlist.command.guestunit;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.guestunit.ArchiveUnitCommand;
import io.guestlist.kernel.guestunit.ChoosePrimaryContactCommand;
import io.guestlist.kernel.guestunit.CreateUnitCommand;
import io.guestlist.kernel.guestunit.EditUnitCommand;
import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.RenameUnitCommand;
import io.guestlist.kernel.guestunit.RenameUnitTagCommand;
import io.guestlist.kernel.guestunit.RestoreUnitCommand;
import io.guestlist.kernel.guestunit.SetUnitSideCommand;
import io.guestlist.kernel.guestunit.SetUnitTagsCommand;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.guestunit.UnitMergedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A household or party: the unit that receives one invitation. Membership is held by each
 * {@code Person} (one active unit per person, SPEC §2.2); the unit holds what is its own. Revision 2
 * added {@link UnitLastChanges}: older snapshots are ignored and the unit is read from its events.
 */
@Aggregate(snapshotTriggerDefinition = "unitSnapshotTrigger", cache = "aggregateCache")
@Revision("2")
class GuestUnit {

    static final String NAME_REQUIRED = "A unit needs a name of at most " + InputBounds.UNIT_NAME + " characters.";
    static final String UNKNOWN_SIDE = "That side is not one of this workspace's sides.";
    static final String BAD_TAG = "Tags are non-blank labels of at most " + InputBounds.LABEL + " characters.";
    static final String ARCHIVED = "The unit is archived; restore it first.";
    static final String NOT_ARCHIVED = "The unit is not archived.";
    static final String NOT_A_MEMBER = "The primary contact must be a member of the unit.";
    static final String MERGE_INTO_ITSELF = "A unit cannot be merged into itself.";

    @AggregateIdentifier
    private UnitId unitId;
    private WorkspaceId workspaceId;
    private String name;
    private String side;
    private Set<String> tags = new TreeSet<>();
    private boolean archived;
    private PersonId primaryContact;
    @AggregateMember
    private UnitLastChanges lastChanges = new UnitLastChanges();

    private GuestUnit() {
    }

    @CommandHandler
    GuestUnit(CreateUnitCommand command, GuestDirectory directory) {
        WorkspaceSettings workspace = (command.side() == null ? directory.workspace(command.workspaceId())
                : directory.workspaceToSetASide(command.workspaceId())).orElseThrow(() -> GuestlistException.notFound("Workspace"));
        apply(new UnitCreatedEvent(command.unitId(), command.workspaceId(), validName(command.name()),
                validSide(command.side(), workspace), validTags(command.tags())));
    }

    /** Used by imports: a unit made for a household or a person, with what the rows say. */
    public static GuestUnit create(UnitId unitId, WorkspaceId workspaceId, String name, String side, Set<String> tags) {
        GuestUnit unit = new GuestUnit();
        apply(new UnitCreatedEvent(unitId, workspaceId, validName(name), side, validTags(tags)));
        return unit;
    }

    @CommandHandler
    void handle(RenameUnitCommand command) {
        ensureIn(command.workspaceId());
        String newName = validName(command.name());
        if (!newName.equals(name)) {
            apply(new UnitRenamedEvent(unitId, workspaceId, newName));
        }
    }

    /**
     * Every field given changes, or none does: each is checked (name, side among the workspace's,
     * tags) before the first event, then only the fields that differ produce one. A restore goes
     * first and an archive last, so the other changes apply to an active unit. A field set to its
     * current value, {@code archived} included, changes nothing.
     */
    @CommandHandler
    void handle(EditUnitCommand command, GuestDirectory directory) {
        ensureIn(command.workspaceId());
        String newName = command.name() == null ? name : validName(command.name());
        String newSide = command.side() == null ? side : validSide(command.side(),
                directory.workspaceToSetASide(workspaceId).orElseThrow(() -> GuestlistException.notFound("Workspace")));
        Set<String> newTags = command.tags() == null ? tags : validTags(command.tags());
        boolean archive = command.archived() == null ? archived : command.archived();
        if (!archive) {
            restoreIfArchived();
        }
        setSide(newSide);
        setTags(newTags);
        if (!newName.equals(name)) {
            apply(new UnitRenamedEvent(unitId, workspaceId, newName));
        }
        if (archive && !archived) {
            apply(new UnitArchivedEvent(unitId, workspaceId));
        }
    }

    @CommandHandler
    void handle(ArchiveUnitCommand command) {
        ensureIn(command.workspaceId());
        if (archived) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, ARCHIVED);
        }
        apply(new UnitArchivedEvent(unitId, workspaceId));
    }

    @CommandHandler
    void handle(RestoreUnitCommand command) {
        ensureIn(command.workspaceId());
        if (!archived) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, NOT_ARCHIVED);
        }
        apply(new UnitRestoredEvent(unitId, workspaceId));
    }

    @CommandHandler
    void handle(SetUnitSideCommand command, GuestDirectory directory) {
        ensureIn(command.workspaceId());
        WorkspaceSettings workspace = directory.workspaceToSetASide(workspaceId).orElseThrow(() -> GuestlistException.notFound("Workspace"));
        setSide(validSide(command.side(), workspace));
    }

    @CommandHandler
    void handle(SetUnitTagsCommand command) {
        ensureIn(command.workspaceId());
        setTags(validTags(command.tags()));
    }

    /** Makes the tags exactly {@code wanted}: the missing ones added, the others removed. */
    private void setTags(Set<String> wanted) {
        Set<String> removed = new TreeSet<>(tags);
        removed.removeAll(wanted);
        addTags(wanted);
        if (!removed.isEmpty()) {
            apply(new UnitTagsRemovedEvent(unitId, workspaceId, removed));
        }
    }

    /** The tag {@code from} becomes {@code to}: removed, then added unless the unit has it already. */
    @CommandHandler
    void handle(RenameUnitTagCommand command) {
        ensureIn(command.workspaceId());
        String to = validTag(command.to());
        if (!tags.contains(command.from()) || command.from().equals(to)) {
            return;
        }
        apply(new UnitTagsRemovedEvent(unitId, workspaceId, Set.of(command.from())));
        addTags(Set.of(to));
    }

    @CommandHandler
    void handle(ChoosePrimaryContactCommand command, GuestDirectory directory) {
        ensureIn(command.workspaceId());
        ensureActive();
        if (!directory.membersOf(unitId).contains(command.personId())) {
            throw new GuestlistException(ErrorCode.VALIDATION, NOT_A_MEMBER);
        }
        if (!command.personId().equals(primaryContact)) {
            apply(new PrimaryContactChosenEvent(unitId, workspaceId, command.personId()));
        }
    }

    /** Sets the side when it differs; imports call it with a side already checked against the workspace. */
    public void setSide(String newSide) {
        if (!Objects.equals(side, newSide)) {
            apply(new UnitSideSetEvent(unitId, workspaceId, newSide));
        }
    }

    /** Adds the tags the unit does not have yet; never removes any. */
    public void addTags(Set<String> more) {
        Set<String> added = new TreeSet<>(validTags(more));
        added.removeAll(tags);
        if (!added.isEmpty()) {
            apply(new UnitTagsAddedEvent(unitId, workspaceId, added));
        }
    }

    /** The tags of {@code wanted} the unit does not have, in order, as many as fit under {@link InputBounds#MAX_TAGS_PER_UNIT}. */
    public java.util.List<String> missingTags(java.util.Collection<String> wanted) {
        return wanted.stream().filter(t -> !tags.contains(t)).distinct()
                .limit(Math.max(0, InputBounds.MAX_TAGS_PER_UNIT - tags.size())).toList();
    }

    /** Makes an archived unit active again (an import reactivating its people); no-op when active. */
    public void restoreIfArchived() {
        if (archived) {
            apply(new UnitRestoredEvent(unitId, workspaceId));
        }
    }

    /** Undoes an import's changes to this unit: archived again, side back, added tags removed. */
    public void revert(boolean archive, boolean sideChanged, String sideBefore, java.util.Collection<String> addedTags) {
        Set<String> removed = new TreeSet<>(addedTags);
        removed.retainAll(tags);
        if (!removed.isEmpty()) {
            apply(new UnitTagsRemovedEvent(unitId, workspaceId, removed));
        }
        if (sideChanged) {
            setSide(sideBefore);
        }
        if (archive && !archived) {
            apply(new UnitArchivedEvent(unitId, workspaceId));
        }
    }

    /** Undoes an import's creation of this unit, once it has no members left. */
    public void discard() {
        apply(new UnitDiscardedEvent(unitId, workspaceId));
    }

    /** The first half of a merge: records where the members went, then archives this unit. */
    void mergeInto(UnitId target) {
        if (target.equals(unitId)) {
            throw GuestlistException.invalid(MERGE_INTO_ITSELF);
        }
        ensureActive();
        apply(new UnitMergedEvent(unitId, workspaceId, target));
        apply(new UnitArchivedEvent(unitId, workspaceId));
    }

    void ensureIn(WorkspaceId workspace) {
        if (!workspaceId.equals(workspace)) {
            throw GuestlistException.notFound("Unit");
        }
    }

    void ensureActive() {
        if (archived) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, ARCHIVED);
        }
    }

    public boolean isArchived() {
        return archived;
    }

    public Set<String> tags() {
        return Set.copyOf(tags);
    }

    public String side() {
        return side;
    }

    /** The chosen primary contact, or {@code null}; they may have left the unit since. */
    public PersonId primaryContact() {
        return primaryContact;
    }

    /** Whether the side was last set in this request or import run (a correlation id). */
    public boolean sideLastChangedIn(String correlationId) {
        return lastChanges.sideIn(correlationId);
    }

    /** Whether archiving or restoring was last done in this request or import run. */
    public boolean statusLastChangedIn(String correlationId) {
        return lastChanges.statusIn(correlationId);
    }

    /** Those of {@code tags} the unit has as this request or import run added them. */
    public List<String> tagsLastAddedIn(Collection<String> tags, String correlationId) {
        return tags.stream().filter(tag -> lastChanges.tagIn(tag, correlationId)).toList();
    }

    /** Whether every aspect (name, side, status, tags, contact) was last changed in this request or import run. */
    public boolean lastChangedOnlyIn(String correlationId) {
        return lastChanges.allIn(correlationId);
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > InputBounds.UNIT_NAME) {
            throw GuestlistException.invalid(NAME_REQUIRED);
        }
        return name.trim();
    }

    private static String validSide(String side, WorkspaceSettings workspace) {
        if (side == null || side.isBlank()) {
            return null;
        }
        return workspace.sides().stream().filter(s -> s.equalsIgnoreCase(side.trim())).findFirst()
                .orElseThrow(() -> new GuestlistException(ErrorCode.VALIDATION, UNKNOWN_SIDE,
                        java.util.Map.of("allowedSides", workspace.sides())));
    }

    static Set<String> validTags(Set<String> tags) {
        Set<String> valid = new LinkedHashSet<>();
        if (tags != null) {
            for (String tag : tags) {
                valid.add(validTag(tag));
            }
        }
        return new TreeSet<>(valid);
    }

    static String validTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > InputBounds.LABEL) {
            throw GuestlistException.invalid(BAD_TAG);
        }
        return tag.trim();
    }

    @EventSourcingHandler
    void on(UnitCreatedEvent e) {
        unitId = e.unitId();
        workspaceId = e.workspaceId();
        name = e.name();
        side = e.side();
        tags = new TreeSet<>(e.tags());
    }

    @EventSourcingHandler
    void on(UnitRenamedEvent e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(UnitArchivedEvent e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(UnitRestoredEvent e) {
        archived = false;
    }

    @EventSourcingHandler
    void on(UnitSideSetEvent e) {
        side = e.side();
    }

    @EventSourcingHandler
    void on(UnitTagsAddedEvent e) {
        tags.addAll(e.tags());
    }

    @EventSourcingHandler
    void on(UnitTagsRemovedEvent e) {
        tags.removeAll(e.tags());
    }

    @EventSourcingHandler
    void on(UnitDiscardedEvent e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(PrimaryContactChosenEvent e) {
        primaryContact = e.personId();
    }
}
