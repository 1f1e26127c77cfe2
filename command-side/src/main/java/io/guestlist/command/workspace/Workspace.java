package io.guestlist.command.workspace;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.PhoneNormalizer;
import io.guestlist.kernel.workspace.AddMemberCommand;
import io.guestlist.kernel.workspace.ChangeMemberRoleCommand;
import io.guestlist.kernel.workspace.CreateWorkspaceCommand;
import io.guestlist.kernel.workspace.EditWorkspaceCommand;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.RemoveMemberCommand;
import io.guestlist.kernel.workspace.Role;
import io.guestlist.kernel.workspace.UserIds;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
import io.guestlist.kernel.workspace.WorkspaceDefaultRegionChangedEvent;
import io.guestlist.kernel.workspace.WorkspaceRenamedEvent;
import io.guestlist.kernel.workspace.WorkspaceSidesSetEvent;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant and its members: who may act in it, and as what. */
@Aggregate
class Workspace {

    static final List<String> DEFAULT_SIDES = List.of("Bride", "Groom", "Both");
    static final String NAME_REQUIRED = "A workspace needs a name of at most " + InputBounds.WORKSPACE_NAME + " characters.";
    static final String UNKNOWN_REGION = "defaultRegion must be an ISO 3166 alpha-2 region libphonenumber knows, e.g. IN.";
    static final String BAD_SIDES = "sides must be distinct, non-blank names of at most " + InputBounds.LABEL + " characters.";
    static final String ALREADY_MEMBER = "That user is already a member; change their role instead.";
    static final String NOT_A_MEMBER = "That user is not a member of this workspace.";
    static final String LAST_OWNER = "A workspace keeps at least one owner.";
    static final String USER_REQUIRED = "userId is required: " + UserIds.RULE + ".";
    static final String ROLE_REQUIRED = "role is required: OWNER, EDITOR or VIEWER.";
    static final String BAD_RENAME = "renamedSides maps a side's old name to its new one, which sides must hold and not the old.";
    static final String SIDE_IN_USE = "A side that units use cannot be removed; set those units to another side first, or rename it.";

    @AggregateIdentifier
    private WorkspaceId workspaceId;
    private String name;
    private String defaultRegion;
    private List<String> sides = List.of();
    private final Map<String, Role> members = new HashMap<>();

    private Workspace() {
    }

    @CommandHandler
    Workspace(CreateWorkspaceCommand command) {
        String region = validRegion(command.defaultRegion());
        List<String> sides = command.sides() == null || command.sides().isEmpty() ? DEFAULT_SIDES : validSides(command.sides());
        apply(new WorkspaceCreatedEvent(command.workspaceId(), validName(command.name()), region, sides, command.ownerId()));
    }

    /**
     * Every field given changes, or none does: name, region, the new sides and their renames are
     * checked, and no side that a unit uses may go, before the first event. A field set to its current
     * value changes nothing. A rename whose old side is already gone (a repeated request) is accepted:
     * the caller then sets the units still holding the old name.
     */
    @CommandHandler
    void handle(EditWorkspaceCommand command, GuestDirectory directory) {
        String newName = command.name() == null ? name : validName(command.name());
        String newRegion = command.defaultRegion() == null ? defaultRegion : validRegion(command.defaultRegion());
        List<String> newSides = command.sides() == null ? sides : validSides(command.sides());
        Map<String, String> renamed = renames(command.renamedSides(), newSides);
        if (!newSides.equals(sides) || !renamed.isEmpty()) {
            // before looking for units that use a side: a unit being set to it meanwhile is waited for, then seen
            directory.lockSides(workspaceId);
        }
        for (String side : sides) {
            if (!renamed.containsKey(side) && newSides.stream().noneMatch(side::equalsIgnoreCase)) {
                int using = directory.unitsWithSide(workspaceId, side).size();
                if (using > 0) {
                    throw new GuestlistException(ErrorCode.SIDE_IN_USE, SIDE_IN_USE, Map.of("side", side, "units", using));
                }
            }
        }
        if (!newName.equals(name)) {
            apply(new WorkspaceRenamedEvent(workspaceId, newName));
        }
        if (!newRegion.equals(defaultRegion)) {
            apply(new WorkspaceDefaultRegionChangedEvent(workspaceId, newRegion));
        }
        if (!newSides.equals(sides) || !renamed.isEmpty()) {
            apply(new WorkspaceSidesSetEvent(workspaceId, newSides, renamed));
        }
    }

    /**
     * The renames that change a current side: each maps a current side to a new side that
     * {@code newSides} holds, the old one gone from it. A side kept under another spelling of case is
     * a rename too, so units follow it. Old names that are no longer sides are left out.
     */
    private Map<String, String> renames(Map<String, String> asked, List<String> newSides) {
        Map<String, String> renamed = new java.util.LinkedHashMap<>();
        if (asked != null) {
            asked.forEach((from, to) -> {
                String target = to == null ? null : newSides.stream().filter(s -> s.equalsIgnoreCase(to.trim())).findFirst().orElse(null);
                if (from == null || target == null || newSides.stream().anyMatch(s -> s.equals(from.trim()))) {
                    throw GuestlistException.invalid(BAD_RENAME);
                }
                sides.stream().filter(s -> s.equals(from.trim())).findFirst().ifPresent(s -> renamed.put(s, target));
            });
        }
        for (String side : sides) {
            newSides.stream().filter(s -> s.equalsIgnoreCase(side) && !s.equals(side)).findFirst().ifPresent(s -> renamed.putIfAbsent(side, s));
        }
        return renamed;
    }

    @CommandHandler
    void handle(AddMemberCommand command) {
        if (members.containsKey(command.userId())) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, ALREADY_MEMBER);
        }
        apply(new MemberAddedEvent(workspaceId, requireUser(command.userId()), requireRole(command.role())));
    }

    @CommandHandler
    void handle(ChangeMemberRoleCommand command) {
        ensureMember(command.userId());
        Role role = requireRole(command.role());
        if (members.get(command.userId()) == role) {
            return;
        }
        if (role != Role.OWNER) {
            ensureAnotherOwnerThan(command.userId());
        }
        apply(new MemberRoleChangedEvent(workspaceId, command.userId(), role));
    }

    @CommandHandler
    void handle(RemoveMemberCommand command) {
        ensureMember(command.userId());
        ensureAnotherOwnerThan(command.userId());
        apply(new MemberRemovedEvent(workspaceId, command.userId()));
    }

    private void ensureMember(String userId) {
        if (!members.containsKey(userId)) {
            throw new GuestlistException(ErrorCode.NOT_FOUND, NOT_A_MEMBER);
        }
    }

    private void ensureAnotherOwnerThan(String userId) {
        boolean another = members.entrySet().stream()
                .anyMatch(m -> m.getValue() == Role.OWNER && !m.getKey().equals(userId));
        if (!another) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, LAST_OWNER);
        }
    }

    private static String requireUser(String userId) {
        if (!UserIds.isValid(userId)) {
            throw GuestlistException.invalid(USER_REQUIRED);
        }
        return userId;
    }

    private static Role requireRole(Role role) {
        if (role == null) {
            throw GuestlistException.invalid(ROLE_REQUIRED);
        }
        return role;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > InputBounds.WORKSPACE_NAME) {
            throw GuestlistException.invalid(NAME_REQUIRED);
        }
        return name.trim();
    }

    private static String validRegion(String region) {
        return PhoneNormalizer.regionOf(region).orElseThrow(() -> GuestlistException.invalid(UNKNOWN_REGION));
    }

    /** Distinct ignoring case, as a unit's side is matched ignoring case (one of "Bride" and "bride" could never be chosen). */
    private static List<String> validSides(List<String> sides) {
        var distinct = new LinkedHashSet<String>();
        var keys = new HashSet<String>();
        for (String side : sides) {
            if (side == null || side.isBlank() || side.length() > InputBounds.LABEL || !keys.add(side.trim().toLowerCase(Locale.ROOT))) {
                throw GuestlistException.invalid(BAD_SIDES);
            }
            distinct.add(side.trim());
        }
        return List.copyOf(distinct);
    }

    @EventSourcingHandler
    void on(WorkspaceCreatedEvent e) {
        workspaceId = e.workspaceId();
        name = e.name();
        defaultRegion = e.defaultRegion();
        sides = List.copyOf(e.sides());
        members.put(e.ownerId(), Role.OWNER);
    }

    @EventSourcingHandler
    void on(WorkspaceRenamedEvent e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(WorkspaceDefaultRegionChangedEvent e) {
        defaultRegion = e.defaultRegion();
    }

    @EventSourcingHandler
    void on(WorkspaceSidesSetEvent e) {
        sides = List.copyOf(e.sides());
    }

    @EventSourcingHandler
    void on(MemberAddedEvent e) {
        members.put(e.userId(), e.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChangedEvent e) {
        members.put(e.userId(), e.role());
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent e) {
        members.remove(e.userId());
    }
}
