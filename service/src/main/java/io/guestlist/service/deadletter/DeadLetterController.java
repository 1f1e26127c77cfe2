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

/** The events that projections could not handle, parked per processing group; operators only. */
@RestController
@RequestMapping("/api/v1/operations/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final Operators operators;

    DeadLetterController(DeadLetters deadLetters, Operators operators) {
        this.deadLetters = deadLetters;
        this.operators = operators;
    }

    @GetMapping
    Page<DeadLetterView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              Principal caller) {
        operators.ensureOperator(caller);
        return deadLetters.list(Page.page(page), Page.size(size));
    }

    /** Handles the letter's sequence again (after a fix); what still fails stays parked with its new error. */
    @PostMapping("/{id}/retry")
    DeadLetters.RetryOutcome retry(@PathVariable String id, Principal caller) {
        operators.ensureOperator(caller);
        return deadLetters.retry(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> evict(@PathVariable String id, Principal caller) {
        operators.ensureOperator(caller);
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }
}
