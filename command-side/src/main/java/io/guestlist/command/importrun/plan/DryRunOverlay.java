package io.guestlist.command.importrun.plan;

import io.guestlist.command.importrun.plan.PlanSnapshot.PersonState;
import io.guestlist.command.importrun.plan.PlanSnapshot.UnitState;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import io.guestlist.kernel.text.InputBounds;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a dry run's earlier batches would have done, for its later batches to see: a real run's later
 * batches read the people and units its earlier ones wrote, a dry run's read them here, laid over the
 * workspace as it is. Folded from each batch's plan; keyed by text so that a run's snapshot stores it.
 */
public final class DryRunOverlay {

    /** The person each phone the dry run placed would belong to. */
    private final Map<String, PersonId> holders = new HashMap<>();
    /** Those people as the dry run would have left them; a null name, email or notes is the person's own, unchanged. */
    private final Map<String, PersonState> people = new HashMap<>();
    /** People the dry run would have created (the value is unused: a map, so a run's snapshot stores it plainly). */
    private final Map<String, Boolean> createdPeople = new HashMap<>();
    /** Units the dry run would have created, as it would have left them. */
    private final Map<String, UnitState> createdUnits = new HashMap<>();
    /** Existing units the dry run would have changed: restored, the side set (null: not set), tags added. */
    private final Map<String, UnitState> changedUnits = new HashMap<>();

    public void fold(Iterable<RowResult> planned) {
        for (RowResult row : planned) {
            Before before = row.before();
            if (!row.outcome().placesPerson() || before == null) {
                continue;
            }
            holders.put(row.parsed().phone(), row.personId());
            if (before.personCreated()) {
                createdPeople.put(row.personId().toString(), Boolean.TRUE);
            }
            PersonState earlier = people.get(row.personId().toString());
            String name = before.personCreated() ? nameOrPhone(row) : before.name() != null ? row.parsed().name()
                    : earlier == null ? null : earlier.name();
            String email = RowReading.plausibleEmail(row.parsed().email());
            String notes = RowReading.boundedNotes(row.parsed().notes());
            people.put(row.personId().toString(), new PersonState(name, row.unitId(),
                    email != null || earlier == null ? email : earlier.email(), notes != null || earlier == null ? notes : earlier.notes()));
            String unit = row.unitId().toString();
            if (before.unitCreated()) {
                UnitState made = createdUnits.getOrDefault(unit, new UnitState(false, null, Set.of()));
                Set<String> tags = new LinkedHashSet<>(made.tags());
                row.parsed().tags().stream().filter(tag -> tags.size() < InputBounds.MAX_TAGS_PER_UNIT || tags.contains(tag)).forEach(tags::add);
                createdUnits.put(unit, new UnitState(false, made.side() != null ? made.side() : row.parsed().side(), Set.copyOf(tags)));
            } else {
                Map<String, UnitState> target = createdUnits.containsKey(unit) ? createdUnits : changedUnits;
                UnitState was = target.getOrDefault(unit, new UnitState(false, null, Set.of()));
                Set<String> tags = new LinkedHashSet<>(was.tags());
                tags.addAll(before.addedTags());
                target.put(unit, new UnitState(false, before.sideChanged() ? row.parsed().side() : was.side(), Set.copyOf(tags)));
            }
        }
    }

    /** The person the dry run would have made or placed with this phone. */
    public Optional<PersonId> holder(String e164) {
        return Optional.ofNullable(holders.get(e164));
    }

    /** A person the dry run would have made or changed, laid over what they are now ({@code null} for one it would have made). */
    public PersonState person(PersonId person, PersonState now) {
        PersonState would = people.get(person.toString());
        if (would == null || now == null) {
            return would == null ? now : would;
        }
        return new PersonState(would.name() != null ? would.name() : now.name(), would.unitId(),
                would.email() != null ? would.email() : now.email(), would.notes() != null ? would.notes() : now.notes());
    }

    public boolean wouldHaveCreatedPerson(PersonId person) {
        PersonState would = people.get(person.toString());
        return would != null && createdPeople.containsKey(person.toString());
    }

    public boolean wouldHaveCreatedUnit(UnitId unit) {
        return createdUnits.containsKey(unit.toString());
    }

    /** A unit as the dry run would have left it, laid over what it is now ({@code null} for one it would have made). */
    public UnitState unit(UnitId unit, UnitState now) {
        UnitState made = createdUnits.get(unit.toString());
        if (made != null) {
            return made;
        }
        UnitState changed = changedUnits.get(unit.toString());
        if (changed == null) {
            return now;
        }
        Set<String> tags = new LinkedHashSet<>(now.tags());
        tags.addAll(changed.tags());
        return new UnitState(false, changed.side() != null ? changed.side() : now.side(), Set.copyOf(tags));
    }

    private static String nameOrPhone(RowResult row) {
        return row.parsed().name() != null ? row.parsed().name() : row.parsed().rawPhone().trim();
    }
}
