package io.guestlist.kernel.occasion;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces an event's audience rules as a whole. */
public record SetAudienceRulesCommand(@TargetAggregateIdentifier OccasionId occasionId, WorkspaceId workspaceId, AudienceRules rules) implements WorkspaceCommand {

    public SetAudienceRulesCommand {
        if (rules != null) {
            CleanText.requireAll("include.sides", rules.include().sides(), InputBounds.MAX_SIDES_PER_RULE);
            CleanText.requireAll("include.tags", rules.include().tags(), InputBounds.MAX_TAGS_PER_RULE);
            CleanText.requireAll("exclude.sides", rules.exclude().sides(), InputBounds.MAX_SIDES_PER_RULE);
            CleanText.requireAll("exclude.tags", rules.exclude().tags(), InputBounds.MAX_TAGS_PER_RULE);
        }
    }
}
