package io.guestlist.command.occasion;

import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.command.web.IfMatch;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.occasion.ArchiveOccasionCommand;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.ClearAudienceOverrideCommand;
import io.guestlist.kernel.occasion.CreateOccasionCommand;
import io.guestlist.kernel.occasion.OverrideMode;
import io.guestlist.kernel.occasion.RenameOccasionCommand;
import io.guestlist.kernel.occasion.SetAudienceOverrideCommand;
import io.guestlist.kernel.occasion.SetAudienceRulesCommand;
import io.guestlist.kernel.occasion.TagMatch;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.Rejects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Commands on the events of a celebration ({@code Occasion} in code) and their audiences. Enum
 * values arrive as text and are read here, so an unknown {@code tagMatch} or {@code mode} is a 400
 * that names the allowed values.
 */
@Tag(name = "events and audiences")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/events")
class OccasionCommandController {

    @Schema(example = """
            {"name": "Sangeet"}""")
    record NameBody(String name) {
    }

    @Schema(example = """
            {"name": "Sangeet night", "status": "ARCHIVED"}""")
    record ChangeBody(String name, String status) {
    }

    @Schema(example = """
            {"all": false, "sides": ["Bride"], "tags": ["family", "friends"], "tagMatch": "ANY"}""")
    record IncludeBody(Boolean all, List<String> sides, List<String> tags, String tagMatch) {
    }

    @Schema(example = """
            {"tags": ["kids"]}""")
    record ExcludeBody(List<String> sides, List<String> tags) {
    }

    /** An absent {@code include} is an include of nobody; an absent {@code exclude} excludes nobody. */
    @Schema(example = """
            {"include": {"sides": ["Bride"], "tags": ["family"], "tagMatch": "ANY"}, "exclude": {"tags": ["kids"]}}""")
    record RulesBody(IncludeBody include, ExcludeBody exclude) {
    }

    @Schema(example = """
            {"mode": "FORCE_INCLUDE"}""")
    record OverrideBody(String mode) {
    }

    private final CommandSender commands;

    OccasionCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(operationId = "createEvent", summary = "Create an event",
            description = "Creates an event of the celebration (a Sangeet, the wedding, a reception); its audience starts empty.",
            responses = @ApiResponse(responseCode = "201", description = "Created: the event's id and the position to read it `?after=`."))
    @PostMapping
    ResponseEntity<CommandAccepted> create(@PathVariable UUID workspaceId, @RequestBody NameBody body,
                                           Principal caller, HttpServletRequest request) {
        OccasionId occasion = OccasionId.random();
        commands.send(new CreateOccasionCommand(occasion, WorkspaceId.of(workspaceId), body.name()), CommandSender.attribution(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspaceId + "/events/" + occasion))
                .eTag(IfMatch.etag(commands.versionOf(occasion))).body(new CommandAccepted(occasion.value(), commands.positionOf(occasion)));
    }

    /** Changes the {@code name} and/or archives ({@code "status": "ARCHIVED"}); the rename goes first. */
    @Operation(operationId = "changeEvent", summary = "Rename or archive an event",
            description = "Changes the `name` and/or archives the event (`status: ARCHIVED`); the rename goes first."
                    + " An archived event accepts no more changes.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PatchMapping("/{eventId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> change(@PathVariable UUID workspaceId, @PathVariable UUID eventId, @RequestBody ChangeBody body,
                                           Principal caller, HttpServletRequest request) {
        if (body.status() != null && !"ARCHIVED".equals(body.status())) {
            throw GuestlistException.invalid("status can only be set to ARCHIVED.");
        }
        OccasionId occasion = OccasionId.of(eventId);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MetaData attribution = CommandSender.attribution(caller, request);
        CommandSender.Versioned versioned = commands.versioned(occasion, request);
        if (body.name() != null) {
            versioned.send(new RenameOccasionCommand(occasion, ws, body.name()), attribution);
        }
        if (body.status() != null) {
            versioned.send(new ArchiveOccasionCommand(occasion, ws), attribution);
        }
        return accepted(occasion, versioned);
    }

    @Operation(operationId = "setAudienceRules", summary = "Set an event's audience rules",
            description = "Replaces the rules: units on any of `include.sides` or with the `include.tags` (ANY or ALL of them, or `all`"
                    + " units), less those on `exclude.sides` or with any of `exclude.tags`. An absent `include` invites nobody.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PutMapping("/{eventId}/audience/rules")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> setRules(@PathVariable UUID workspaceId, @PathVariable UUID eventId, @RequestBody RulesBody body,
                                             Principal caller, HttpServletRequest request) {
        IncludeBody include = body.include() == null ? new IncludeBody(false, null, null, null) : body.include();
        ExcludeBody exclude = body.exclude() == null ? new ExcludeBody(null, null) : body.exclude();
        // as sent, before AudienceRules trims a leading or trailing control character away
        CleanText.requireAll("include.sides", include.sides(), InputBounds.MAX_SIDES_PER_RULE);
        CleanText.requireAll("include.tags", include.tags(), InputBounds.MAX_TAGS_PER_RULE);
        CleanText.requireAll("exclude.sides", exclude.sides(), InputBounds.MAX_SIDES_PER_RULE);
        CleanText.requireAll("exclude.tags", exclude.tags(), InputBounds.MAX_TAGS_PER_RULE);
        AudienceRules rules = new AudienceRules(
                new AudienceRules.Include(Boolean.TRUE.equals(include.all()), include.sides(), include.tags(),
                        parse(TagMatch.class, "tagMatch", include.tagMatch(), TagMatch.ANY)),
                new AudienceRules.Exclude(exclude.sides(), exclude.tags()));
        OccasionId occasion = OccasionId.of(eventId);
        CommandSender.Versioned versioned = commands.versioned(occasion, request);
        versioned.send(new SetAudienceRulesCommand(occasion, WorkspaceId.of(workspaceId), rules), CommandSender.attribution(caller, request));
        return accepted(occasion, versioned);
    }

    @Operation(operationId = "setAudienceOverride", summary = "Force a unit in or out of an event's audience",
            description = "FORCE_INCLUDE invites the unit whatever the rules say; FORCE_EXCLUDE keeps it out. An archived unit stays out either way.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PutMapping("/{eventId}/audience/overrides/{unitId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> setOverride(@PathVariable UUID workspaceId, @PathVariable UUID eventId, @PathVariable UUID unitId,
                                                @RequestBody OverrideBody body, Principal caller, HttpServletRequest request) {
        OverrideMode mode = parse(OverrideMode.class, "mode", body.mode(), null);
        if (mode == null) {
            throw GuestlistException.invalid(Occasion.MODE_REQUIRED);
        }
        OccasionId occasion = OccasionId.of(eventId);
        CommandSender.Versioned versioned = commands.versioned(occasion, request);
        versioned.send(new SetAudienceOverrideCommand(occasion, WorkspaceId.of(workspaceId), UnitId.of(unitId), mode),
                CommandSender.attribution(caller, request));
        return accepted(occasion, versioned);
    }

    /** Clears the unit's override; clearing one that is not set answers the same and changes nothing. */
    @Operation(operationId = "clearAudienceOverride", summary = "Clear a unit's override",
            description = "The rules decide for the unit again; clearing an override that is not set answers the same and changes nothing.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @DeleteMapping("/{eventId}/audience/overrides/{unitId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> clearOverride(@PathVariable UUID workspaceId, @PathVariable UUID eventId, @PathVariable UUID unitId,
                                                  Principal caller, HttpServletRequest request) {
        OccasionId occasion = OccasionId.of(eventId);
        CommandSender.Versioned versioned = commands.versioned(occasion, request);
        versioned.send(new ClearAudienceOverrideCommand(occasion, WorkspaceId.of(workspaceId), UnitId.of(unitId)),
                CommandSender.attribution(caller, request));
        return accepted(occasion, versioned);
    }

    private ResponseEntity<CommandAccepted> accepted(OccasionId occasion, CommandSender.Versioned versioned) {
        return versioned.ok(new CommandAccepted(occasion.value(), commands.positionOf(occasion)));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, E absent) {
        if (value == null) {
            return absent;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> GuestlistException.invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()) + "."));
    }
}
