package io.guestlist.query.privacy;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.guestlist.query.rebuild.Operators;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** Service-wide personal-data operations; operators only. */
@Tag(name = "operations")
@RestController
class PersonalDataOperationsController {

    private final StoredPayloadEncryption encryption;
    private final Operators operators;

    PersonalDataOperationsController(StoredPayloadEncryption encryption, Operators operators) {
        this.encryption = encryption;
        this.operators = operators;
    }

    @PostMapping("/api/v1/operations/encrypt-personal-data")
    @Operation(operationId = "encryptStoredPersonalData", summary = "Encrypt personal data stored before encryption (one-time step)",
            description = "Operators only. Rewrites in place every stored event payload that still holds a personal field in clear, "
                    + "encrypted with its subject's key; drops every snapshot; empties the submitted payloads of finished imports. "
                    + "Idempotent: run it once after upgrading, again changes nothing. Answers what it examined and changed.")
    StoredPayloadEncryption.Result encrypt(Principal caller) {
        operators.ensureOperator(caller);
        return encryption.run();
    }
}
