package io.guestlist.command.person;

import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.command.web.IfMatch;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.AddPersonCommand;
import io.guestlist.kernel.person.ChangePersonPhoneCommand;
import io.guestlist.kernel.person.MovePersonCommand;
import io.guestlist.kernel.person.RemovePersonCommand;
import io.guestlist.kernel.person.RenamePersonCommand;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;

/** Commands on people: adding one to a unit, editing, moving, removing. */
@RestController
class PersonCommandController {

    record AddPerson(String name, String phone, String country) {
    }

    record Move(UUID unitId) {
    }

    private static final String BASE = "/api/v1/workspaces/{workspaceId}";

    private final CommandSender commands;

    PersonCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(BASE + "/units/{unitId}/members")
    ResponseEntity<CommandAccepted> add(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @RequestBody AddPerson body,
                                        Principal caller, HttpServletRequest request) {
        PersonId person = PersonId.random();
        commands.send(new AddPersonCommand(person, WorkspaceId.of(workspaceId), UnitId.of(unitId), body.name(), body.phone(), body.country()),
                CommandSender.attribution(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspaceId + "/people/" + person))
                .eTag(IfMatch.etag(commands.versionOf(person))).body(new CommandAccepted(person.value(), commands.positionOf(person)));
    }

    @DeleteMapping(BASE + "/units/{unitId}/members/{personId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> remove(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @PathVariable UUID personId,
                                           Principal caller, HttpServletRequest request) {
        PersonId person = PersonId.of(personId);
        CommandSender.Versioned versioned = commands.versioned(person, request);
        versioned.send(new RemovePersonCommand(person, WorkspaceId.of(workspaceId), UnitId.of(unitId)), CommandSender.attribution(caller, request));
        return accepted(personId, versioned);
    }

    @PostMapping(BASE + "/people/{personId}/move")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> move(@PathVariable UUID workspaceId, @PathVariable UUID personId, @RequestBody Move body,
                                         Principal caller, HttpServletRequest request) {
        if (body.unitId() == null) {
            throw GuestlistException.invalid("unitId is required.");
        }
        PersonId person = PersonId.of(personId);
        CommandSender.Versioned versioned = commands.versioned(person, request);
        versioned.send(new MovePersonCommand(person, WorkspaceId.of(workspaceId), UnitId.of(body.unitId())), CommandSender.attribution(caller, request));
        return accepted(personId, versioned);
    }

    /** Changes {@code name} and/or {@code phone} (with an optional {@code country}; a null phone removes it). */
    @PatchMapping(BASE + "/people/{personId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> change(@PathVariable UUID workspaceId, @PathVariable UUID personId, @RequestBody Map<String, String> body,
                                           Principal caller, HttpServletRequest request) {
        PersonId person = PersonId.of(personId);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MetaData attribution = CommandSender.attribution(caller, request);
        CommandSender.Versioned versioned = commands.versioned(person, request);
        if (body.containsKey("phone")) {
            versioned.send(new ChangePersonPhoneCommand(person, ws, body.get("phone"), body.get("country")), attribution);
        }
        if (body.containsKey("name")) {
            versioned.send(new RenamePersonCommand(person, ws, body.get("name")), attribution);
        }
        return accepted(personId, versioned);
    }

    private ResponseEntity<CommandAccepted> accepted(UUID personId, CommandSender.Versioned versioned) {
        return versioned.ok(new CommandAccepted(personId, commands.positionOf(PersonId.of(personId))));
    }
}
