package io.guestlist.command.workspace;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.web.CommandSender;
import io.guestlist.kernel.guestunit.SetUnitSideCommand;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a workspace's sides were renamed, sets each unit that still has an old name to the new one,
 * one command per unit, attributed to the owner who renamed. A unit keeps its own history of its side
 * (as-of reads, audiences and history see an ordinary side change). Not one transaction with the
 * rename: should it stop half-way, repeating the same request finishes it, as a rename whose old
 * side is already gone only sets the units still holding it.
 */
@Component
class UnitsFollowSides {

    private final GuestDirectory directory;
    private final CommandSender commands;

    UnitsFollowSides(GuestDirectory directory, CommandSender commands) {
        this.directory = directory;
        this.commands = commands;
    }

    /**
     * @param before  the sides before the rename
     * @param renamed the renames asked for (old name to new); a side whose case alone changed follows too
     * @return the units set to a new side
     */
    List<UnitId> follow(WorkspaceId workspace, List<String> before, Map<String, String> renamed, MetaData attribution) {
        List<String> now = directory.workspace(workspace).map(WorkspaceSettings::sides).orElse(List.of());
        Set<String> oldNames = new LinkedHashSet<>(before);
        if (renamed != null) {
            renamed.keySet().stream().filter(java.util.Objects::nonNull).map(String::trim).forEach(oldNames::add);
        }
        List<UnitId> moved = new ArrayList<>();
        for (String old : oldNames) {
            if (now.contains(old)) {
                continue;
            }
            String target = renamed == null ? null : renamedTo(renamed, old);
            if (target == null) {
                target = now.stream().filter(old::equalsIgnoreCase).findFirst().orElse(null);
            }
            if (target == null) {
                continue;
            }
            for (UnitId unit : directory.unitsWithSide(workspace, old)) {
                commands.send(new SetUnitSideCommand(unit, workspace, target), attribution);
                moved.add(unit);
            }
        }
        return moved;
    }

    private static String renamedTo(Map<String, String> renamed, String old) {
        return renamed.entrySet().stream().filter(r -> r.getKey() != null && r.getKey().trim().equals(old))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
