package io.guestlist.command.workspace;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.web.CommandSender;
import io.guestlist.kernel.guestunit.SetUnitSideCommand;
import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.occasion.RenameAudienceSideCommand;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * After a workspace's sides were renamed, carries each rename over to what names the old side: every
 * unit that still has it is set to the new one, and every event whose audience rules name it names the
 * new one instead (so its audience keeps those units). One command per unit or event, attributed to the
 * owner who renamed: each keeps its own history (as-of reads, audiences and history see an ordinary side
 * change or rules change). Not one transaction with the rename: should it stop half-way, repeating the
 * same request finishes it, as a rename whose old side is already gone only sets what still names it.
 */
@Component
class RenamedSidesFollow {

    private final GuestDirectory directory;
    private final CommandSender commands;

    RenamedSidesFollow(GuestDirectory directory, CommandSender commands) {
        this.directory = directory;
        this.commands = commands;
    }

    /**
     * @param before  the sides before the rename
     * @param renamed the renames asked for (old name to new); a side whose case alone changed follows too
     */
    void follow(WorkspaceId workspace, List<String> before, Map<String, String> renamed, MetaData attribution) {
        targets(workspace, before, renamed).forEach((old, target) -> {
            for (UnitId unit : directory.unitsWithSide(workspace, old)) {
                commands.send(new SetUnitSideCommand(unit, workspace, target), attribution);
            }
            for (OccasionId occasion : directory.occasionsWithSide(workspace, old)) {
                commands.send(new RenameAudienceSideCommand(occasion, workspace, old, target), attribution);
            }
        });
    }

    /** Each old side that is gone now, with the side it became. */
    private Map<String, String> targets(WorkspaceId workspace, List<String> before, Map<String, String> renamed) {
        List<String> now = directory.workspace(workspace).map(WorkspaceSettings::sides).orElse(List.of());
        Set<String> oldNames = new LinkedHashSet<>(before);
        if (renamed != null) {
            renamed.keySet().stream().filter(Objects::nonNull).map(String::trim).forEach(oldNames::add);
        }
        Map<String, String> targets = new LinkedHashMap<>();
        for (String old : oldNames) {
            if (now.contains(old)) {
                continue;
            }
            String target = renamed == null ? null : renamedTo(renamed, old);
            if (target == null) {
                target = now.stream().filter(old::equalsIgnoreCase).findFirst().orElse(null);
            }
            if (target != null) {
                targets.put(old, target);
            }
        }
        return targets;
    }

    private static String renamedTo(Map<String, String> renamed, String old) {
        return renamed.entrySet().stream().filter(r -> r.getKey() != null && r.getKey().trim().equals(old))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
