package io.guestlist.command.importrun;

import io.guestlist.command.person.Person;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.text.InputBounds;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the unit each row of a batch places its person in (SPEC §4.3), noting the units the batch must
 * create. Applying and classifying a batch both choose through this class, so a dry run targets the units
 * the import would.
 */
final class UnitTargeting {

    /** What a new unit gets from its rows: every row's tags, and the first side given. */
    private record NewUnit(String name, Set<String> tags, String[] side) {
    }

    /** Receives each unit the batch creates. */
    @FunctionalInterface
    interface NewUnitSink {
        void accept(UnitId id, String name, String side, Set<String> tags);
    }

    private final ImportRun run;
    private final Repository<Person> people;
    private final Map<String, PersonId> holders;
    private final Set<PersonId> newPeople;
    private final Map<String, UnitId> batchHouseholds = new HashMap<>();
    private final Map<UnitId, NewUnit> newUnits = new LinkedHashMap<>();
    private final Map<PersonId, UnitId> targetsHere = new HashMap<>();

    /**
     * @param holders   the person each valid phone of the batch belongs to
     * @param newPeople the holders the batch creates, who are in no unit yet
     */
    UnitTargeting(ImportRun run, Repository<Person> people, Map<String, PersonId> holders, Set<PersonId> newPeople) {
        this.run = run;
        this.people = people;
        this.holders = holders;
        this.newPeople = newPeople;
    }

    /** The unit of every row with a valid phone, chosen in row order. */
    Map<RowReading, UnitId> targets(List<RowReading> readings) {
        Map<String, List<RowReading>> groups = groups(readings);
        Map<RowReading, UnitId> targets = new IdentityHashMap<>();
        for (RowReading reading : readings) {
            if (reading.validPhone()) {
                targets.put(reading, targetUnit(reading, groups));
            }
        }
        return targets;
    }

    boolean isNew(UnitId unit) {
        return newUnits.containsKey(unit);
    }

    /** The units the batch creates, in the order they were first chosen. */
    void forEachNewUnit(NewUnitSink sink) {
        newUnits.forEach((id, unit) -> sink.accept(id, unit.name(), unit.side()[0], unit.tags()));
    }

    private static Map<String, List<RowReading>> groups(List<RowReading> readings) {
        Map<String, List<RowReading>> groups = new HashMap<>();
        readings.stream().filter(r -> r.validPhone() && r.household() != null)
                .forEach(r -> groups.computeIfAbsent(r.householdKey(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /**
     * SPEC §4.3: the group's unit, else the person's current unit, else a new unit of their own. A person
     * placed by an earlier row of the batch counts as being in the unit that row chose.
     */
    private UnitId targetUnit(RowReading reading, Map<String, List<RowReading>> groups) {
        UnitId unit = chooseUnit(reading, groups);
        targetsHere.put(holders.get(reading.e164()), unit);
        return unit;
    }

    private UnitId chooseUnit(RowReading reading, Map<String, List<RowReading>> groups) {
        String household = reading.household();
        if (household != null) {
            String key = reading.householdKey();
            UnitId unit = run.unitOfHousehold(household).or(() -> Optional.ofNullable(batchHouseholds.get(key)))
                    .orElseGet(() -> firstMatchedUnit(groups.get(key)));
            if (unit == null) {
                unit = newUnit(household);
            }
            batchHouseholds.put(key, unit);
            contribute(unit, reading);
            return unit;
        }
        PersonId holder = holders.get(reading.e164());
        UnitId earlier = targetsHere.get(holder);
        if (earlier != null) {
            contribute(earlier, reading);
            return earlier;
        }
        if (!newPeople.contains(holder)) {
            UnitId current = people.load(holder.toString()).invoke(Person::unitId);
            if (current != null) {
                return current;
            }
        }
        UnitId own = batchHouseholds.computeIfAbsent("\u0000person:" + holder, k -> newUnit(reading.nameOrPhone()));
        contribute(own, reading);
        return own;
    }

    /** The unit of the group's first person already known (SPEC §4.3), among the group's rows in this batch. */
    private UnitId firstMatchedUnit(List<RowReading> group) {
        for (RowReading member : group) {
            PersonId holder = holders.get(member.e164());
            if (!newPeople.contains(holder)) {
                UnitId unit = people.load(holder.toString()).invoke(Person::unitId);
                if (unit != null) {
                    return unit;
                }
            }
        }
        return null;
    }

    private UnitId newUnit(String name) {
        UnitId id = UnitId.random();
        newUnits.put(id, new NewUnit(name, new TreeSet<>(), new String[1]));
        return id;
    }

    private void contribute(UnitId unit, RowReading reading) {
        NewUnit created = newUnits.get(unit);
        if (created != null) {
            // a unit holds at most MAX_TAGS_PER_UNIT tags, however many rows contribute them
            reading.tags().stream().filter(tag -> created.tags().size() < InputBounds.MAX_TAGS_PER_UNIT)
                    .forEach(created.tags()::add);
            if (created.side()[0] == null) {
                created.side()[0] = reading.side();
            }
        }
    }
}
