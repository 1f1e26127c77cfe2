package io.guestlist.command.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.ArrayList;
import java.util.List;

/**
 * The identifiers of the events the current request's commands published, kept with the request:
 * a request may send several commands (a tag rename, one per unit) and answers one position. A
 * command sent outside a request (a scheduled job) answers no client: nothing is kept.
 */
final class RequestEvents {

    private static final String ATTRIBUTE = RequestEvents.class.getName();

    private RequestEvents() {
    }

    static void add(List<String> events) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || events.isEmpty()) {
            return;
        }
        List<String> kept = kept(request);
        if (kept == null) {
            kept = new ArrayList<>();
            request.setAttribute(ATTRIBUTE, kept, RequestAttributes.SCOPE_REQUEST);
        }
        kept.addAll(events);
    }

    static List<String> all() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        List<String> kept = request == null ? null : kept(request);
        return kept == null ? List.of() : List.copyOf(kept);
    }

    @SuppressWarnings("unchecked")
    private static List<String> kept(RequestAttributes request) {
        return (List<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
