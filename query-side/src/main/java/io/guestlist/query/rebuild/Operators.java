package io.guestlist.query.rebuild;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may run service-wide operations: the user ids in {@code GUESTLIST_OPERATORS}
 * (comma-separated). A rebuild concerns every workspace, so no workspace role grants it.
 */
@Component
public class Operators {

    private final Set<String> operators;

    Operators(@Value("${guestlist.operators:}") String operators) {
        this.operators = Arrays.stream(operators.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public void ensureOperator(Principal caller) {
        if (!operators.contains(caller.getName())) {
            throw new GuestlistException(ErrorCode.FORBIDDEN, "Only operators (GUESTLIST_OPERATORS) may run operations.");
        }
    }
}
