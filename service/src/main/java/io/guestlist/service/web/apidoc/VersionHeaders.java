package io.guestlist.service.web.apidoc;

import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.query.support.AnswersETag;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springframework.web.method.HandlerMethod;

/**
 * The resources with versions document their {@code ETag} (on reads, on creates, after commands) and
 * {@code If-Match} (its 412 is among the problem answers).
 */
final class VersionHeaders {

    private VersionHeaders() {
    }

    static void document(Operation operation, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(AnswersETag.class)) {
            etagOnSuccess(operation, "The aggregate's version; absent while the read model has not caught up with it.");
        }
        ApiResponse created = operation.getResponses() == null ? null : operation.getResponses().get("201");
        if (created != null && !handler.hasMethodAnnotation(HonoursIfMatch.class)) {
            // A create answers with the new aggregate's version, the If-Match of its first edit.
            created.addHeaderObject("ETag", new Header()
                    .description("The new resource's version, to send as If-Match.").schema(new StringSchema()));
        }
        if (handler.hasMethodAnnotation(HonoursIfMatch.class)) {
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false).schema(new StringSchema().example("\"7\""))
                    .description("The ETag last read (e.g. \"7\"), or *. A stale one answers 412 precondition-failed and changes nothing."));
            etagOnSuccess(operation, "The aggregate's version after the command.");
        }
    }

    private static void etagOnSuccess(Operation operation, String description) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("ETag", new Header().description(description).schema(new StringSchema()));
            }
        });
    }
}
