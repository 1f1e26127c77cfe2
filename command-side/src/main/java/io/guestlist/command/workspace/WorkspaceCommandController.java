package io.guestlist.command.workspace;

import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.command.web.IfMatch;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.AddMemberCommand;
import io.guestlist.kernel.workspace.ChangeMemberRoleCommand;
import io.guestlist.kernel.workspace.CreateWorkspaceCommand;
import io.guestlist.kernel.workspace.RemoveMemberCommand;
import io.guestlist.kernel.workspace.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

/** Creating workspaces and governing their members. */
@RestController
@RequestMapping("/api/v1/workspaces")
class WorkspaceCommandController {

    record CreateWorkspace(String name, String defaultRegion, List<String> sides) {
    }

    record AddMember(String userId, Role role) {
    }

    record ChangeRole(Role role) {
    }

    private final CommandSender commands;

    WorkspaceCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> create(@RequestBody CreateWorkspace body, Principal caller, HttpServletRequest request) {
        WorkspaceId id = WorkspaceId.random();
        commands.send(new CreateWorkspaceCommand(id, body.name(), body.defaultRegion(), body.sides(), caller.getName()),
                CommandSender.attribution(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id))
                .eTag(IfMatch.etag(commands.versionOf(id))).body(new CommandAccepted(id.value(), commands.positionOf(id)));
    }

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

    @PutMapping("/{workspaceId}/members/{userId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> changeRole(@PathVariable UUID workspaceId, @PathVariable String userId, @RequestBody ChangeRole body,
                                               Principal caller, HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        CommandSender.Versioned versioned = commands.versioned(ws, request);
        versioned.send(new ChangeMemberRoleCommand(ws, userId, body.role()), CommandSender.attribution(caller, request));
        return accepted(ws, versioned);
    }

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
