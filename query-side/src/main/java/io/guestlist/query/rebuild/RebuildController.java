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

/** Rebuilding the read model while it keeps answering (SPEC §6); operators only. */
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
    @PostMapping
    ResponseEntity<RebuildStatus> start(@RequestParam(defaultValue = "all") String projection,
                                        @RequestParam(defaultValue = "check") String mode, Principal caller) {
        operators.ensureOperator(caller);
        RebuildStatus status = rebuilds.start(projection, mode);
        return ResponseEntity.accepted().location(URI.create("/api/v1/operations/rebuild/" + status.id())).body(status);
    }

    @GetMapping("/{id}")
    RebuildStatus status(@PathVariable UUID id, Principal caller) {
        operators.ensureOperator(caller);
        return rebuilds.status(id).orElseThrow(() -> GuestlistException.notFound("Rebuild"));
    }
}
