package io.guestlist.query.support;

/**
 * The global index of the event being handled, as SQL. A streaming processor's tracking token is
 * not that: when an event fills a gap (a transaction that committed after later events were
 * already seen, as concurrent imports do), its token is the highest index seen so far. A read
 * table keyed by event position looks the event up by its identifier instead (a unique index).
 */
public final class EventPosition {

    /** Takes one parameter: the event's identifier ({@code @MessageIdentifier}). */
    public static final String OF_EVENT = "(SELECT global_index FROM domain_event_entry WHERE event_identifier = ?)";

    private EventPosition() {
    }
}
