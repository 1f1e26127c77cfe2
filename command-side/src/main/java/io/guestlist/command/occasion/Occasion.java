package io.guestlist.command.occasion;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.occasion.ArchiveOccasionCommand;
import io.guestlist.kernel.occasion.AudienceOverrideClearedEvent;
import io.guestlist.kernel.occasion.AudienceOverrideSetEvent;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import io.guestlist.kernel.occasion.ClearAudienceOverrideCommand;
import io.guestlist.kernel.occasion.CreateOccasionCommand;
import io.guestlist.kernel.occasion.OccasionArchivedEvent;
import io.guestlist.kernel.occasion.OccasionCreatedEvent;
import io.guestlist.kernel.occasion.OccasionRenamedEvent;
import io.guestlist.kernel.occasion.OverrideMode;
import io.guestlist.kernel.occasion.RenameAudienceSideCommand;
import io.guestlist.kernel.occasion.RenameAudienceTagCommand;
import io.guestlist.kernel.occasion.RenameOccasionCommand;
import io.guestlist.kernel.occasion.SetAudienceOverrideCommand;
import io.guestlist.kernel.occasion.SetAudienceRulesCommand;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An event of the celebration ("Mehndi") and its audience: rules plus per-unit overrides (SPEC §5).
 * It decides only what the host asked for; which units the rules select is the read model's work,
 * so a unit that changes its tags moves in or out without a command here. Repeating a change that
 * is already in place emits nothing, and clearing an override that is not set is a no-op, so a
 * retried PUT or DELETE is safe.
 */
@Aggregate
class Occasion {

    static final String NAME_REQUIRED = "An event needs a name of at most " + InputBounds.EVENT_NAME + " characters.";
    static final String ARCHIVED = "The event is archived; it accepts no more changes.";
    static final String RULES_REQUIRED = "rules are required.";
    static final String MODE_REQUIRED = "mode is required: FORCE_INCLUDE or FORCE_EXCLUDE.";
    static final String UNKNOWN_SIDE = "An audience side is not one of this workspace's sides.";

    @AggregateIdentifier
    private OccasionId occasionId;
    private WorkspaceId workspaceId;
    private String name;
    private boolean archived;
    private AudienceRules rules;
    private final Map<UnitId, OverrideMode> overrides = new HashMap<>();

    private Occasion() {
    }

    @CommandHandler
    Occasion(CreateOccasionCommand command) {
        apply(new OccasionCreatedEvent(command.occasionId(), command.workspaceId(), validName(command.name())));
    }

    @CommandHandler
    void handle(RenameOccasionCommand command) {
        ensureChangeable(command.workspaceId());
        String newName = validName(command.name());
        if (!newName.equals(name)) {
            apply(new OccasionRenamedEvent(occasionId, workspaceId, newName));
        }
    }

    @CommandHandler
    void handle(ArchiveOccasionCommand command) {
        ensureChangeable(command.workspaceId());
        apply(new OccasionArchivedEvent(occasionId, workspaceId));
    }

    @CommandHandler
    void handle(SetAudienceRulesCommand command, GuestDirectory directory) {
        ensureChangeable(command.workspaceId());
        if (command.rules() == null) {
            throw GuestlistException.invalid(RULES_REQUIRED);
        }
        WorkspaceSettings workspace = directory.workspace(workspaceId).orElseThrow(() -> GuestlistException.notFound("Workspace"));
        AudienceRules wanted = command.rules().withSides(
                workspaceSides(command.rules().include().sides(), workspace),
                workspaceSides(command.rules().exclude().sides(), workspace));
        if (!wanted.equals(rules)) {
            apply(new AudienceRulesSetEvent(occasionId, workspaceId, wanted));
        }
    }

    /**
     * The workspace renamed a side these rules name: the rules name the new one instead, so the audience
     * keeps the units that follow the rename. An archived event follows too: its audience is still read,
     * and a rename changes what a side is called, not whom the host chose.
     */
    @CommandHandler
    void handle(RenameAudienceSideCommand command) {
        if (!workspaceId.equals(command.workspaceId())) {
            throw GuestlistException.notFound("Event");
        }
        AudienceRules renamed = rules.withSides(renamed(rules.include().sides(), command.from(), command.to()),
                renamed(rules.exclude().sides(), command.from(), command.to()));
        if (!renamed.equals(rules)) {
            apply(new AudienceRulesSetEvent(occasionId, workspaceId, renamed));
        }
    }

    private static List<String> renamed(List<String> names, String from, String to) {
        return names.stream().map(name -> name.equals(from) ? to : name).toList();
    }

    /**
     * The workspace renamed a tag these rules name, on every unit that carried it: the rules name the new
     * one instead, so the audience keeps those units. Renaming onto a tag the rules name already merges
     * the two (the lists stay distinct). An archived event follows too, as for a side.
     */
    @CommandHandler
    void handle(RenameAudienceTagCommand command) {
        if (!workspaceId.equals(command.workspaceId())) {
            throw GuestlistException.notFound("Event");
        }
        AudienceRules renamed = rules.withTags(renamed(rules.include().tags(), command.from(), command.to()),
                renamed(rules.exclude().tags(), command.from(), command.to()));
        if (!renamed.equals(rules)) {
            apply(new AudienceRulesSetEvent(occasionId, workspaceId, renamed));
        }
    }

    @CommandHandler
    void handle(SetAudienceOverrideCommand command, GuestDirectory directory) {
        ensureChangeable(command.workspaceId());
        if (command.mode() == null) {
            throw GuestlistException.invalid(MODE_REQUIRED);
        }
        ensureUnitOfWorkspace(command.unitId(), directory);
        if (overrides.get(command.unitId()) != command.mode()) {
            apply(new AudienceOverrideSetEvent(occasionId, workspaceId, command.unitId(), command.mode()));
        }
    }

    @CommandHandler
    void handle(ClearAudienceOverrideCommand command) {
        ensureChangeable(command.workspaceId());
        if (overrides.containsKey(command.unitId())) {
            apply(new AudienceOverrideClearedEvent(occasionId, workspaceId, command.unitId()));
        }
    }

    /** Another workspace's event does not exist for this caller; an archived one is read-only. */
    private void ensureChangeable(WorkspaceId workspace) {
        if (!workspaceId.equals(workspace)) {
            throw GuestlistException.notFound("Event");
        }
        if (archived) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, ARCHIVED);
        }
    }

    /** Archived units may be overridden (they stay out until restored); units of other workspaces do not exist. */
    private void ensureUnitOfWorkspace(UnitId unit, GuestDirectory directory) {
        if (unit == null || directory.unitActive(workspaceId, unit).isEmpty()) {
            throw GuestlistException.notFound("Unit");
        }
    }

    /** Each side as the workspace spells it, compared case-insensitively as units' sides are. */
    private static List<String> workspaceSides(List<String> sides, WorkspaceSettings workspace) {
        return sides.stream()
                .map(side -> workspace.sides().stream().filter(s -> s.equalsIgnoreCase(side)).findFirst()
                        .orElseThrow(() -> new GuestlistException(ErrorCode.VALIDATION, UNKNOWN_SIDE,
                                Map.of("side", side, "allowedSides", workspace.sides()))))
                .toList();
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > InputBounds.EVENT_NAME) {
            throw GuestlistException.invalid(NAME_REQUIRED);
        }
        return name.trim();
    }

    @EventSourcingHandler
    void on(OccasionCreatedEvent e) {
        occasionId = e.occasionId();
        workspaceId = e.workspaceId();
        name = e.name();
        rules = AudienceRules.NOBODY;
    }

    @EventSourcingHandler
    void on(OccasionRenamedEvent e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(OccasionArchivedEvent e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(AudienceRulesSetEvent e) {
        rules = e.rules();
    }

    @EventSourcingHandler
    void on(AudienceOverrideSetEvent e) {
        overrides.put(e.unitId(), e.mode());
    }

    @EventSourcingHandler
    void on(AudienceOverrideClearedEvent e) {
        overrides.remove(e.unitId());
    }
}
