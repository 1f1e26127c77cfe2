package io.guestlist.command.workspace;

import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.command.web.IfMatch;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.AddMemberCommand;
import io.guestlist.kernel.workspace.ChangeMemberRoleCommand;
import io.guestlist.kernel.workspace.CreateWorkspaceCommand;
import io.guestlist.kernel.workspace.EditWorkspaceCommand;
import io.guestlist.kernel.workspace.RemoveMemberCommand;
import io.guestlist.kernel.workspace.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.Rejects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Creating workspaces and governing their members. */
@Tag(name = "workspaces")
@RestController
@RequestMapping("/api/v1/workspaces")
class WorkspaceCommandController {

    @Schema(example = """
            {"name": "Asha & Rohan", "defaultRegion": "IN", "sides": ["Bride", "Groom"]}""")
    record CreateWorkspace(String name, String defaultRegion, List<String> sides) {
    }

    @Schema(example = """
            {"userId": "bob", "role": "EDITOR"}""")
    record AddMember(String userId, Role role) {
    }

    @Schema(example = """
            {"role": "VIEWER"}""")
    record ChangeRole(Role role) {
    }

    @Schema(example = """
            {"name": "Ananya & Rohan", "sides": ["Bride", "Groom", "Friends"], "renamedSides": {"Mutual": "Friends"}}""")
    record EditWorkspace(String name, String defaultRegion, List<String> sides, Map<String, String> renamedSides) {
    }

    private final CommandSender commands;
    private final GuestDirectory directory;
    private final RenamedSidesFollow renamedSidesFollow;

    WorkspaceCommandController(CommandSender commands, GuestDirectory directory, RenamedSidesFollow renamedSidesFollow) {
        this.commands = commands;
        this.directory = directory;
        this.renamedSidesFollow = renamedSidesFollow;
    }

    @Operation(operationId = "createWorkspace", summary = "Create a workspace",
            description = "Creates a workspace for one celebration; the caller becomes its OWNER. `defaultRegion` (ISO 3166, e.g. IN)"
                    + " reads national phone numbers; `sides` are the sides units can be on.",
            responses = @ApiResponse(responseCode = "201", description = "Created: the workspace's id and the position to read it `?after=`."))
    @PostMapping
    ResponseEntity<CommandAccepted> create(@RequestBody CreateWorkspace body, Principal caller, HttpServletRequest request) {
        WorkspaceId id = WorkspaceId.random();
        commands.send(new CreateWorkspaceCommand(id, body.name(), body.defaultRegion(), body.sides(), caller.getName()),
                CommandSender.attribution(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id))
                .eTag(IfMatch.etag(commands.versionOf(id))).body(new CommandAccepted(id.value(), commands.positionOf(id)));
    }

    /**
     * Edits the workspace as one command (OWNER): name, default region and sides, which may be added,
     * renamed (units and events' audience rules follow) or removed (409 side-in-use while a unit has it).
     */
    @PatchMapping("/{workspaceId}")
    @HonoursIfMatch
    @Operation(operationId = "changeWorkspace", summary = "Edit a workspace",
            description = "OWNER only. Changes any of name, defaultRegion and sides (the full list) at once: every field given changes, "
                    + "or none does. renamedSides maps an old side name to its new one (which sides holds): every unit with the old side "
                    + "is set to the new one, and every event whose audience rules name the old side names the new one instead. A side "
                    + "neither kept nor renamed is removed, refused with 409 side-in-use while a unit has it.")
    @Rejects(ErrorCode.SIDE_IN_USE)
    ResponseEntity<CommandAccepted> edit(@PathVariable UUID workspaceId, @RequestBody EditWorkspace body, Principal caller,
                                         HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MetaData attribution = CommandSender.attribution(caller, request);
        List<String> before = directory.workspace(ws).map(WorkspaceSettings::sides).orElse(List.of());
        CommandSender.Versioned versioned = commands.versioned(ws, request);
        versioned.send(new EditWorkspaceCommand(ws, body.name(), body.defaultRegion(), body.sides(), body.renamedSides()), attribution);
        renamedSidesFollow.follow(ws, before, body.renamedSides(), attribution);
        return versioned.ok(new CommandAccepted(workspaceId, commands.positionOf(ws)));
    }

    @Operation(operationId = "addWorkspaceMember", summary = "Add a member",
            description = "Adds a user (the JWT subject they sign in with) as OWNER, EDITOR or VIEWER. Owners only.",
            responses = @ApiResponse(responseCode = "201", description = "Added."))
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PostMapping("/{workspaceId}/members")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> addMember(@PathVariable UUID workspaceId, @RequestBody AddMember body,
                                              Principal caller, HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        CommandSender.Versioned versioned = commands.versioned(ws, request);
        versioned.send(new AddMemberCommand(ws, body.userId(), body.role()), CommandSender.attribution(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + ws + "/members/" + body.userId()))
                .eTag(versioned.etag()).body(new CommandAccepted(workspaceId, commands.positionOf(ws)));
    }

    @Operation(operationId = "changeWorkspaceMemberRole", summary = "Change a member's role",
            description = "Gives a member another role. Owners only; the last owner cannot step down.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PutMapping("/{workspaceId}/members/{userId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> changeRole(@PathVariable UUID workspaceId, @PathVariable String userId, @RequestBody ChangeRole body,
                                               Principal caller, HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        CommandSender.Versioned versioned = commands.versioned(ws, request);
        versioned.send(new ChangeMemberRoleCommand(ws, userId, body.role()), CommandSender.attribution(caller, request));
        return accepted(ws, versioned);
    }

    @Operation(operationId = "removeWorkspaceMember", summary = "Remove a member",
            description = "Takes a member out of the workspace. Owners only; the last owner cannot be removed.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @DeleteMapping("/{workspaceId}/members/{userId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> removeMember(@PathVariable UUID workspaceId, @PathVariable String userId,
                                                 Principal caller, HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        CommandSender.Versioned versioned = commands.versioned(ws, request);
        versioned.send(new RemoveMemberCommand(ws, userId), CommandSender.attribution(caller, request));
        return accepted(ws, versioned);
    }

    private ResponseEntity<CommandAccepted> accepted(WorkspaceId ws, CommandSender.Versioned versioned) {
        return versioned.ok(new CommandAccepted(ws.value(), commands.positionOf(ws)));
    }
}
