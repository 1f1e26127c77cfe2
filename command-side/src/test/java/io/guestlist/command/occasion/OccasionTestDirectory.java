package io.guestlist.command.occasion;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.Role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The directory the {@link Occasion} fixture asks: one workspace with the default sides, and its units. */
final class OccasionTestDirectory implements GuestDirectory {

    private final WorkspaceId workspace;
    private final Map<UnitId, Boolean> units = new HashMap<>();

    OccasionTestDirectory(WorkspaceId workspace) {
        this.workspace = workspace;
    }

    OccasionTestDirectory withUnit(UnitId unit, boolean active) {
        units.put(unit, active);
        return this;
    }

    @Override
    public Optional<PersonId> claimPhone(WorkspaceId workspace, String e164, PersonId claimant) {
        throw new UnsupportedOperationException("an event never claims a phone");
    }

    @Override
    public void releasePhone(WorkspaceId workspace, String e164, PersonId holder) {
        throw new UnsupportedOperationException("an event never releases a phone");
    }

    @Override
    public Optional<WorkspaceSettings> workspace(WorkspaceId workspace) {
        return this.workspace.equals(workspace) ? Optional.of(new WorkspaceSettings("IN", List.of("Bride", "Groom", "Both"))) : Optional.empty();
    }

    @Override
    public Optional<Role> roleOf(WorkspaceId workspace, String userId) {
        return Optional.empty();
    }

    @Override
    public Optional<Boolean> unitActive(WorkspaceId workspace, UnitId unit) {
        return this.workspace.equals(workspace) ? Optional.ofNullable(units.get(unit)) : Optional.empty();
    }

    @Override
    public List<PersonId> membersOf(UnitId unit) {
        return List.of();
    }
}
