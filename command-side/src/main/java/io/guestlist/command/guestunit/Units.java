package io.guestlist.command.guestunit;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * What work spanning many units (an import and its undo) may ask of and do to a unit, inside the
 * caller's unit of work. {@link GuestUnit} stays package-private: these are its only doors besides its
 * own command handlers.
 */
@Component
public class Units {

    /** A unit as an import sees it. */
    public record Known(boolean archived, String side, Set<String> tags, PersonId primaryContact) {
    }

    private final Repository<GuestUnit> units;

    Units(Repository<GuestUnit> units) {
        this.units = units;
    }

    public Known known(UnitId unit) {
        return units.load(unit.toString()).invoke(u -> new Known(u.isArchived(), u.side(), u.tags(), u.primaryContact()));
    }

    public void create(UnitId unit, WorkspaceId workspace, String name, String side, Set<String> tags) {
        create(() -> GuestUnit.create(unit, workspace, name, side, tags));
    }

    /** An import's changes to a unit: restored when archived, the side set (when given), tags added (never removed). */
    public void change(UnitId unit, String side, Collection<String> addedTags) {
        units.load(unit.toString()).execute(u -> {
            u.restoreIfArchived();
            if (side != null) {
                u.setSide(side);
            }
            u.addTags(new TreeSet<>(addedTags));
        });
    }

    /** Undoes an import's changes to this unit: archived again, side back, added tags removed. */
    public void revert(UnitId unit, boolean archive, boolean sideChanged, String sideBefore, Collection<String> addedTags) {
        units.load(unit.toString()).execute(u -> u.revert(archive, sideChanged, sideBefore, addedTags));
    }

    /** Undoes an import's creation of this unit, once it has no members left. */
    public void discard(UnitId unit) {
        units.load(unit.toString()).execute(GuestUnit::discard);
    }

    public boolean lastChangedOnlyIn(UnitId unit, String correlationId) {
        return units.load(unit.toString()).invoke(u -> u.lastChangedOnlyIn(correlationId));
    }

    /** What of an import's changes to the unit is still as the run (a correlation id) left it. */
    public record StillTheRuns(boolean status, boolean side, List<String> tags) {
    }

    public StillTheRuns stillTheRuns(UnitId unit, Collection<String> addedTags, String correlationId) {
        return units.load(unit.toString()).invoke(u -> new StillTheRuns(u.statusLastChangedIn(correlationId),
                u.sideLastChangedIn(correlationId), u.tagsLastAddedIn(addedTags, correlationId)));
    }

    private void create(Callable<GuestUnit> factory) {
        try {
            units.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
