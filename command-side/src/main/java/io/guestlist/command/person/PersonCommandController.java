package io.guestlist.command.person;

import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.command.web.IfMatch;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.error.RemoteRejection;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.person.AddPersonCommand;
import io.guestlist.kernel.person.DeletePersonCommand;
import io.guestlist.kernel.person.EditPersonCommand;
import io.guestlist.kernel.person.MovePersonCommand;
import io.guestlist.kernel.person.ReactivatePersonCommand;
import io.guestlist.kernel.person.RemovePersonCommand;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
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
import java.util.Optional;
import java.util.UUID;

/** Commands on people: adding one to a unit (or bringing a removed one back), editing, moving, removing, deleting. */
@RestController
class PersonCommandController {

    record AddPerson(String name, String phone, String country, String email, String notes) {
    }

    record Move(UUID unitId) {
    }

    /** The answer to an add that brought a removed person back instead of creating one. */
    record Reactivated(UUID id, long position, boolean reactivated) {
    }

    /** An add meets a phone whose holder changes at that moment (deleted, new phone) at most this often before giving up. */
    private static final int ADD_ATTEMPTS = 3;

    private static final String BASE = "/api/v1/workspaces/{workspaceId}";

    private final CommandSender commands;

    PersonCommandController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * Adds a person, 201. When a removed person of the workspace holds the phone, they come back
     * into this unit under the name given instead, 200 with {@code reactivated: true}; an active
     * holder is a 409 phone-taken naming them. Both steps are commands on one aggregate each, so
     * racing adds of one phone serialize on the claim and then on the holder: one wins.
     */
    @PostMapping(BASE + "/units/{unitId}/members")
    ResponseEntity<?> add(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @RequestBody AddPerson body,
                          Principal caller, HttpServletRequest request) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MetaData attribution = CommandSender.attribution(caller, request);
        for (int attempt = 1; ; attempt++) {
            PersonId person = PersonId.random();
            Optional<RemoteRejection> taken;
            try {
                commands.send(new AddPersonCommand(person, ws, UnitId.of(unitId), body.name(), body.phone(), body.country(),
                        body.email(), body.notes()), attribution);
                return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspaceId + "/people/" + person))
                        .eTag(IfMatch.etag(commands.versionOf(person))).body(new CommandAccepted(person.value(), commands.positionOf(person)));
            } catch (CommandExecutionException e) {
                taken = rejection(e, ErrorCode.PHONE_TAKEN);
                if (taken.isEmpty()) {
                    throw e;
                }
            }
            PersonId holder = PersonId.of(UUID.fromString((String) taken.get().details().get("personId")));
            try {
                commands.send(new ReactivatePersonCommand(holder, ws, UnitId.of(unitId), body.name(), (String) taken.get().details().get("phone")),
                        attribution);
                return ResponseEntity.ok().eTag(IfMatch.etag(commands.versionOf(holder)))
                        .body(new Reactivated(holder.value(), commands.positionOf(holder), true));
            } catch (CommandExecutionException e) {
                // The holder let go of the phone between the two steps: the add may now succeed.
                if (attempt == ADD_ATTEMPTS || rejection(e, ErrorCode.NOT_FOUND).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    /** Deletes a person: out of their unit and every read, phone released, events kept. Deleting again is 404. */
    @DeleteMapping(BASE + "/people/{personId}")
    @HonoursIfMatch
    ResponseEntity<CommandAccepted> delete(@PathVariable UUID workspaceId, @PathVariable UUID personId, Principal caller,
                                           HttpServletRequest request) {
        PersonId person = PersonId.of(personId);
        CommandSender.Versioned versioned = commands.versioned(person, request);
        versioned.send(new DeletePersonCommand(person, WorkspaceId.of(workspaceId)), CommandSender.attribution(caller, request));
        return accepted(personId, versioned);
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

    /**
     * Changes any of {@code name}, {@code phone} (with an optional {@code country}), {@code email} and
     * {@code notes} as one command: all of them, or none. A null phone, email or notes removes it.
     */
    @PatchMapping(BASE + "/people/{personId}")
    @HonoursIfMatch
    @Operation(operationId = "editPerson", summary = "Edit a person",
            description = "Changes any of name, phone (with an optional country), email and notes at once: every field given "
                    + "changes, or none does. A null phone, email or notes removes it; a field set to its current value is no change.")
    ResponseEntity<CommandAccepted> change(@PathVariable UUID workspaceId, @PathVariable UUID personId, @RequestBody Map<String, String> body,
                                           Principal caller, HttpServletRequest request) {
        PersonId person = PersonId.of(personId);
        CommandSender.Versioned versioned = commands.versioned(person, request);
        versioned.send(new EditPersonCommand(person, WorkspaceId.of(workspaceId), body.containsKey("name") ? nonNull(body.get("name")) : null,
                        clearable(body, "phone"), body.get("country"), clearable(body, "email"), clearable(body, "notes")),
                CommandSender.attribution(caller, request));
        return accepted(personId, versioned);
    }

    /** Absent: unchanged ({@code null}); present but null: cleared ({@code ""}). */
    private static String clearable(Map<String, String> body, String field) {
        return body.containsKey(field) ? nonNull(body.get(field)) : null;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private ResponseEntity<CommandAccepted> accepted(UUID personId, CommandSender.Versioned versioned) {
        return versioned.ok(new CommandAccepted(personId, commands.positionOf(PersonId.of(personId))));
    }

    private static Optional<RemoteRejection> rejection(CommandExecutionException e, ErrorCode code) {
        return e.<RemoteRejection>getDetails().filter(r -> r.code() == code);
    }
}
