package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

/** An event's audience rules were replaced as a whole. */
@Revision("1")
public record AudienceRulesSetEvent(OccasionId occasionId, WorkspaceId workspaceId, AudienceRules rules) implements OccasionEvent {
}
