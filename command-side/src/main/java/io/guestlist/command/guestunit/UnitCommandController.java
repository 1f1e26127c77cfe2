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

/** Commands on guest units. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/units")
class UnitCommandController {

    record CreateUnit(String name, String side, List<String> tags) {
    }

    record ChooseContact(UUID personId) {
    }

    record Merge(UUID intoUnitId) {
    }

    private final CommandSender commands;

    UnitCommandController(CommandSender commands) {
        this.commands = commands;
    }

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
    @PatchMapping("/{unitId}")
    @HonoursIfMatch
    @Operation(operationId = "editUnit", summary = "Edit a unit",
            description = "Changes any of name, side (null clears it), tags (the full set) and status (ACTIVE or ARCHIVED) at "
                    + "once: every field given changes, or none does. A field set to its current value is no change (200).")
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
