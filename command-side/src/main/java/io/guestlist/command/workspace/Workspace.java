package io.guestlist.command.workspace;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.phone.PhoneNormalizer;
import io.guestlist.kernel.workspace.AddMemberCommand;
import io.guestlist.kernel.workspace.ChangeMemberRoleCommand;
import io.guestlist.kernel.workspace.CreateWorkspaceCommand;
import io.guestlist.kernel.workspace.MemberAddedEvent;
import io.guestlist.kernel.workspace.MemberRemovedEvent;
import io.guestlist.kernel.workspace.MemberRoleChangedEvent;
import io.guestlist.kernel.workspace.RemoveMemberCommand;
import io.guestlist.kernel.workspace.Role;
import io.guestlist.kernel.workspace.UserIds;
import io.guestlist.kernel.workspace.WorkspaceCreatedEvent;
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

    @AggregateIdentifier
    private WorkspaceId workspaceId;
    private final Map<String, Role> members = new HashMap<>();

    private Workspace() {
    }

    @CommandHandler
    Workspace(CreateWorkspaceCommand command) {
        if (command.name() == null || command.name().isBlank() || command.name().length() > InputBounds.WORKSPACE_NAME) {
            throw GuestlistException.invalid(NAME_REQUIRED);
        }
        String region = PhoneNormalizer.regionOf(command.defaultRegion())
                .orElseThrow(() -> GuestlistException.invalid(UNKNOWN_REGION));
        List<String> sides = command.sides() == null || command.sides().isEmpty() ? DEFAULT_SIDES : validSides(command.sides());
        apply(new WorkspaceCreatedEvent(command.workspaceId(), command.name().trim(), region, sides, command.ownerId()));
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
        members.put(e.ownerId(), Role.OWNER);
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
