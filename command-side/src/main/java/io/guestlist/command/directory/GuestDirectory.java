package io.guestlist.command.directory;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.Role;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * What a command handler may ask beyond its own aggregate: rules that span aggregates (a phone is
 * held by one person per workspace, a unit exists in this workspace, who may act). Backed by the
 * command-side lookup tables, written in the same transaction as the events that change them.
 */
public interface GuestDirectory {

    /**
     * Claims a normalized phone for a person in a workspace.
     *
     * @return empty when the claim is now held by {@code claimant}; else the person who holds the phone
     */
    Optional<PersonId> claimPhone(WorkspaceId workspace, String e164, PersonId claimant);

    /**
     * Claims many phones at once (an import batch), in a fixed order so that concurrent batches
     * never deadlock.
     *
     * @return the phones now held by the given claimants; the others are held by someone else
     */
    Set<String> claimAll(WorkspaceId workspace, Map<String, PersonId> claims);

    /** Who holds each of these phones, for those held. */
    Map<String, PersonId> holdersOf(WorkspaceId workspace, Collection<String> phones);

    /** Gives a phone up, when its holder changes or loses it. */
    void releasePhone(WorkspaceId workspace, String e164, PersonId holder);

    Optional<WorkspaceSettings> workspace(WorkspaceId workspace);

    /**
     * The workspace's settings, for a command that gives a unit a side: the workspace's row stays
     * share-locked until the command's transaction ends. An edit of the sides locks it first
     * ({@link #lockSides}), so of a side's removal and a unit being set to it, one waits for the other
     * and then sees what it did: the removal finds the unit using the side, or the unit finds the side gone.
     */
    Optional<WorkspaceSettings> workspaceToSetASide(WorkspaceId workspace);

    /** Locks the workspace's sides against {@link #workspaceToSetASide} until the transaction ends, for an edit of them. */
    void lockSides(WorkspaceId workspace);

    Optional<Role> roleOf(WorkspaceId workspace, String userId);

    /** @return whether the unit exists in that workspace and is ACTIVE; empty when it does not exist there */
    Optional<Boolean> unitActive(WorkspaceId workspace, UnitId unit);

    /** The unit each of these people is a member of now, for those in one. */
    Map<PersonId, UnitId> unitsOf(Collection<PersonId> people);

    /** Every ACTIVE unit of the workspace with its name. */
    Map<UnitId, String> activeUnitNames(WorkspaceId workspace);

    /** The people whose active membership is in this unit. */
    List<PersonId> membersOf(UnitId unit);

    /** The workspace's units (active or archived) whose side is exactly {@code side}. */
    List<UnitId> unitsWithSide(WorkspaceId workspace, String side);

    /** The workspace's units (active or archived) that carry {@code tag}. */
    List<UnitId> unitsWithTag(WorkspaceId workspace, String tag);

    /** The workspace's events (active or archived) whose audience rules name {@code side}, included or excluded. */
    List<OccasionId> occasionsWithSide(WorkspaceId workspace, String side);

    /** The workspace's events (active or archived) whose audience rules name {@code tag}, included or excluded. */
    List<OccasionId> occasionsWithTag(WorkspaceId workspace, String tag);
}
