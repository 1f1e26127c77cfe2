package io.guestlist.command.guestunit;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.workspace.WorkspaceAccessInterceptor;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.guestunit.RenameUnitTagCommand;
import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.occasion.RenameAudienceTagCommand;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

/**
 * Workspace-wide tag changes: one command per unit that carries the tag, then one per event whose
 * audience rules name it, each attributed to the caller.
 */
@Tag(name = "units")
@RestController
class TagCommandController {

    @Schema(example = """
            {"to": "close-family"}""")
    record Rename(String to) {
    }

    /**
     * {@code units}: how many units were renamed; {@code events}: how many events' audience rules named
     * the tag; {@code position}: wait for it with {@code ?after=}.
     */
    record Renamed(String from, String to, int units, int events, long position) {
    }

    private final CommandSender commands;
    private final GuestDirectory directory;

    TagCommandController(CommandSender commands, GuestDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /**
     * Renames a tag on every unit (active or archived) that carries it, then in every event's audience
     * rules that name it (so each audience keeps its units). Not one transaction: a unit tagged meanwhile
     * keeps the old tag, and repeating the request renames what is left, rules included.
     */
    @PostMapping("/api/v1/workspaces/{workspaceId}/tags/{tag}/rename")
    @Operation(operationId = "renameTag", summary = "Rename a tag on every unit",
            description = "EDITOR or OWNER. Renames the tag on every unit that carries it, one attributed change per unit; a unit "
                    + "that has the new tag already just loses the old one. Every event whose audience rules name the tag (included or "
                    + "excluded) names the new one instead, one attributed change per event. 404 when neither a unit nor an event's rules "
                    + "name the tag.")
    Renamed rename(@PathVariable UUID workspaceId, @PathVariable String tag, @RequestBody Rename body, Principal caller,
                   HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        WorkspaceAccessInterceptor.ensureMayChange(directory, ws, caller.getName(), false);
        CleanText.require("tag", tag, InputBounds.LABEL);
        CleanText.require("to", body.to(), InputBounds.LABEL);
        String to = GuestUnit.validTag(body.to());
        List<UnitId> units = directory.unitsWithTag(ws, tag);
        List<OccasionId> occasions = directory.occasionsWithTag(ws, tag);
        if (units.isEmpty() && occasions.isEmpty()) {
            throw GuestlistException.notFound("Tag");
        }
        MetaData attribution = CommandSender.attribution(caller, request);
        for (UnitId unit : units) {
            commands.send(new RenameUnitTagCommand(unit, ws, tag, to), attribution);
        }
        // until the rules follow, an audience naming the tag misses the renamed units (or, excluding it, lets them in)
        for (OccasionId occasion : occasions) {
            commands.send(new RenameAudienceTagCommand(occasion, ws, tag, to), attribution);
        }
        // each rename appended an event: the answer's position covers them all, of whichever unit or event
        return new Renamed(tag, to, units.size(), occasions.size(), commands.positionOf());
    }
}
