package io.guestlist.service.deadletter;

import io.guestlist.query.rebuild.Operators;
import io.guestlist.query.support.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.Rejects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The events that projections could not handle, parked per processing group; operators only. */
@Tag(name = "operations")
@RestController
@RequestMapping("/api/v1/operations/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final Operators operators;

    DeadLetterController(DeadLetters deadLetters, Operators operators) {
        this.deadLetters = deadLetters;
        this.operators = operators;
    }

    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "The events that projections could not handle, parked per processing group with their error. Operators only.")
    @Rejects(ErrorCode.FORBIDDEN)
    @GetMapping
    Page<DeadLetterView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              Principal caller) {
        operators.ensureOperator(caller);
        return deadLetters.list(Page.page(page), Page.size(size));
    }

    /** Handles the letter's sequence again (after a fix); what still fails stays parked with its new error. */
    @Operation(operationId = "retryDeadLetter", summary = "Retry a dead letter",
            description = "Handles the letter's sequence again (after a fix); what still fails stays parked with its new error. Operators only.")
    @Rejects(ErrorCode.FORBIDDEN)
    @PostMapping("/{id}/retry")
    DeadLetters.RetryOutcome retry(@PathVariable String id, Principal caller) {
        operators.ensureOperator(caller);
        return deadLetters.retry(id);
    }

    @Operation(operationId = "evictDeadLetter", summary = "Evict a dead letter",
            description = "Drops the letter: its event is not handled again. Operators only.",
            responses = @ApiResponse(responseCode = "204", description = "Evicted."))
    @Rejects(ErrorCode.FORBIDDEN)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> evict(@PathVariable String id, Principal caller) {
        operators.ensureOperator(caller);
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }
}
