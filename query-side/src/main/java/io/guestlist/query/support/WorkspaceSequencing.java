package io.guestlist.query.support;

import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.ImportRunEvent;
import io.guestlist.kernel.occasion.OccasionEvent;
import io.guestlist.kernel.person.PersonEvent;
import io.guestlist.kernel.workspace.WorkspaceEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.serialization.SerializationException;
import org.springframework.stereotype.Component;

/**
 * The guest-list group's sequencing: every event of a workspace in one segment, in store order.
 * Its projections join units, people, memberships and audiences of one workspace (a move updates
 * two units, a recount reads every unit of a workspace), so a workspace's events must never be
 * handled out of order or side by side; different workspaces share no row and may be. The
 * identifier is the workspace id as a string, which the dead-letter queue stores as it is: a
 * parked event holds back the rest of its workspace in this group, as order requires. An event
 * whose payload cannot be read falls back to its aggregate, so it reaches a handler and is parked
 * by itself rather than stopping the processor.
 */
@Component("workspaceSequencing")
public class WorkspaceSequencing implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload;
        try {
            payload = event.getPayload();
        } catch (SerializationException unreadable) {
            return perAggregate.getSequenceIdentifierFor(event);
        }
        WorkspaceId workspace = workspaceOf(payload);
        return workspace == null ? perAggregate.getSequenceIdentifierFor(event) : workspace.toString();
    }

    private static WorkspaceId workspaceOf(Object payload) {
        if (payload instanceof GuestUnitEvent e) {
            return e.workspaceId();
        } else if (payload instanceof PersonEvent e) {
            return e.workspaceId();
        } else if (payload instanceof OccasionEvent e) {
            return e.workspaceId();
        } else if (payload instanceof WorkspaceEvent e) {
            return e.workspaceId();
        } else if (payload instanceof ImportRunEvent e) {
            return e.workspaceId();
        }
        return null;
    }
}
