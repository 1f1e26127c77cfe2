package io.guestlist.query.rebuild;

import io.guestlist.kernel.error.GuestlistException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.Rejects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Rebuilding the read model while it keeps answering (SPEC §6); operators only. */
@Tag(name = "operations")
@RestController
@RequestMapping("/api/v1/operations/rebuild")
class RebuildController {

    private final Rebuilds rebuilds;
    private final Operators operators;

    RebuildController(Rebuilds rebuilds, Operators operators) {
        this.rebuilds = rebuilds;
        this.operators = operators;
    }

    /**
     * Starts a rebuild of one processing group, {@code all}, or {@code none} (read and deserialise only);
     * {@code mode=check} compares with the live tables, {@code mode=replace} swaps the rebuilt tables in.
     */
    @Operation(operationId = "startRebuild", summary = "Start a rebuild of the read model",
            description = "Rebuilds one processing group, `all`, or `none` (read and deserialise only) while the live tables keep"
                    + " answering; `mode=check` compares the result with the live tables. Operators only.",
            responses = @ApiResponse(responseCode = "202", description = "Started: follow it at its Location."))
    @Rejects({ErrorCode.FORBIDDEN, ErrorCode.STATE_CONFLICT})
    @PostMapping
    ResponseEntity<RebuildStatus> start(@RequestParam(defaultValue = "all") String projection,
                                        @RequestParam(defaultValue = "check") String mode, Principal caller) {
        operators.ensureOperator(caller);
        RebuildStatus status = rebuilds.start(projection, mode);
        return ResponseEntity.accepted().location(URI.create("/api/v1/operations/rebuild/" + status.id())).body(status);
    }

    @Operation(operationId = "getRebuild", summary = "Read a rebuild", description = "The rebuild's state and progress. Operators only.")
    @Rejects(ErrorCode.FORBIDDEN)
    @GetMapping("/{id}")
    RebuildStatus status(@PathVariable UUID id, Principal caller) {
        operators.ensureOperator(caller);
        return rebuilds.status(id).orElseThrow(() -> GuestlistException.notFound("Rebuild"));
    }
}
