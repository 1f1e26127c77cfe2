package io.guestlist.service.web.apidoc;

import io.guestlist.query.support.Page;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The query parameters that mean the same on every route that takes them: their formats, bounds
 * and descriptions are written once here, so a new route that takes {@code page} or {@code after}
 * documents them by taking them.
 */
final class SharedParameters {

    private SharedParameters() {
    }

    static void document(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn())) {
                continue;
            }
            switch (parameter.getName()) {
                case "page" -> parameter.description("The page, from 0; a negative one is read as 0.")
                        .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO)._default(0));
                case "size" -> parameter.description("Items per page, 1 to " + Page.MAX_SIZE + "; a size outside is read as the nearest bound.")
                        .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(Page.MAX_SIZE))._default(Page.DEFAULT_SIZE));
                case "after" -> parameter.description("A position a command answered: the read waits until the read model has"
                                + " passed it (503 not-caught-up if it does not in time), so a client reads its own writes.")
                        .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO));
                case "cursor" -> parameter.description("The `next` of the previous page: pages on from there, stable while units change.");
                case "asOf" -> parameter.description("An instant (ISO-8601): the answer as it stood then, folded from the event store.")
                        .schema(dateTime());
                case "from" -> parameter.description("Only entries at or after this instant (ISO-8601).").schema(dateTime());
                case "to" -> parameter.description("Only entries before this instant (ISO-8601).").schema(dateTime());
                default -> {
                }
            }
        }
    }

    private static Schema<String> dateTime() {
        return new StringSchema().format("date-time");
    }
}
