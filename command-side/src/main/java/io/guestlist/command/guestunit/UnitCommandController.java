package io.guestlist.command.guestunit;

import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.command.web.IfMatch;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.guestunit.ChoosePrimaryContactCommand;
import io.guestlist.kernel.guestunit.CreateUnitCommand;
import io.guestlist.kernel.guestunit.MergeUnitsCommand;
import io.guestlist.kernel.guestunit.EditUnitCommand;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.Rejects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Commands on guest units. */
@Tag(name = "units")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/units")
class UnitCommandController {

    @Schema(example = """
            {"name": "The Sharma Family", "side": "Bride", "tags": ["family"]}""")
    record CreateUnit(String name, String side, List<String> tags) {
    }

    @Schema(example = """
            {"personId": "0b5c8f0e-4a7d-4c43-9d6e-2f1a3b5c7d9e"}""")
    record ChooseContact(UUID personId) {
    }

    @Schema(example = """
            {"intoUnitId": "6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8"}""")
    record Merge(UUID intoUnitId) {
    }

    private final CommandSender commands;

    UnitCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(operationId = "createUnit", summary = "Create a unit",
            description = "Creates a guest unit (a household, a couple, a single guest) on one of the workspace's sides, with tags.",
            responses = @ApiResponse(responseCode = "201", description = "Created: the unit's id and the position to read it `?after=`."))
    @PostMapping
    ResponseEntity<CommandAccepted> create(@PathVariable UUID workspaceId, @RequestBody CreateUnit body,
                                           Principal caller, HttpServletRequest request) {
        UnitId unit = UnitId.random();
        commands.send(new CreateUnitCommand(unit, WorkspaceId.of(workspaceId), body.name(), body.side(),
                body.tags() == null ? null : new HashSet<>(body.tags())), CommandSender.attribution(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspaceId + "/units/" + unit))
                .eTag(IfMatch.etag(commands.versionOf(unit))).body(new CommandAccepted(unit.value(), commands.positionOf(unit)));
    }

    /**
     * Changes any of {@code name}, {@code side} ({@code null} clears it), {@code tags} (the full set)
     * and {@code status} as one command: every field given changes, or none does.
     */
    @Operation(operationId = "changeUnit", summary = "Change a unit",
            description = "Changes any of `name`, `side` (null clears it), `tags` (the full set) and `status` (ACTIVE or ARCHIVED)."
                    + " Every field given changes, or none does; a field set to its current value is no change (200)."
                    + " A restore goes first and an archive last, so the other changes apply to an active unit.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitChange.class))))
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PatchMapping("/{unitId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> change(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @RequestBody Map<String, Object> body,
                           Principal caller, HttpServletRequest request) {
        UnitId unit = UnitId.of(unitId);
        Object status = body.get("status");
        if (status != null && !"ACTIVE".equals(status) && !"ARCHIVED".equals(status)) {
            throw GuestlistException.invalid("status must be ACTIVE or ARCHIVED.");
        }
        Set<String> tags = null;
        if (body.containsKey("tags")) {
            if (!(body.get("tags") instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw GuestlistException.invalid("tags must be a list of strings.");
            }
            tags = new HashSet<>(list.stream().map(String.class::cast).toList());
        }
        String side = body.containsKey("side") ? Objects.requireNonNullElse(text(body, "side"), "") : null;
        EditUnitCommand edit = new EditUnitCommand(unit, WorkspaceId.of(workspaceId), text(body, "name"), side, tags,
                status == null ? null : "ARCHIVED".equals(status));
        CommandSender.Versioned versioned = commands.versioned(unit, request);
        if (edit.name() != null || side != null || tags != null || status != null) {
            versioned.send(edit, CommandSender.attribution(caller, request));
        }
        return versioned.ok(new CommandAccepted(unitId, commands.positionOf(unit)));
    }

    @Operation(operationId = "choosePrimaryContact", summary = "Choose the unit's primary contact",
            description = "Makes one of the unit's members the person its invitations go to.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PutMapping("/{unitId}/primary-contact")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> choosePrimaryContact(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @RequestBody ChooseContact body,
                                         Principal caller, HttpServletRequest request) {
        if (body.personId() == null) {
            throw GuestlistException.invalid("personId is required.");
        }
        UnitId unit = UnitId.of(unitId);
        CommandSender.Versioned versioned = commands.versioned(unit, request);
        versioned.send(new ChoosePrimaryContactCommand(unit, WorkspaceId.of(workspaceId), PersonId.of(body.personId())),
                CommandSender.attribution(caller, request));
        return versioned.ok(new CommandAccepted(unitId, commands.positionOf(unit)));
    }

    @Operation(operationId = "mergeUnits", summary = "Merge a unit into another",
            description = "Moves every member of this unit into `intoUnitId` and archives this one; the answer names the unit kept.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PostMapping("/{unitId}/merge")
    CommandAccepted merge(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @RequestBody Merge body,
                          Principal caller, HttpServletRequest request) {
        if (body.intoUnitId() == null) {
            throw GuestlistException.invalid("intoUnitId is required.");
        }
        UnitId source = UnitId.of(unitId);
        UnitId target = UnitId.of(body.intoUnitId());
        commands.send(new MergeUnitsCommand(source, target, WorkspaceId.of(workspaceId)), CommandSender.attribution(caller, request));
        return new CommandAccepted(body.intoUnitId(), commands.positionOf(source, target));
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw GuestlistException.invalid(field + " must be a string.");
        }
        return (String) value;
    }
}
