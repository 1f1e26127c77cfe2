package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.importrun.plan.PlanSnapshot;
import io.guestlist.command.importrun.plan.PlanSnapshot.PersonState;
import io.guestlist.command.importrun.plan.PlanSnapshot.UnitState;
import io.guestlist.command.importrun.plan.RowReading;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * Reads what the planner needs for a batch ({@link PlanSnapshot}). A real run claims the phones nobody
 * holds for new people first, all in one statement; a dry run claims nothing and makes up ids for them.
 * People and units are read from their aggregates, which the batch's unit of work keeps for the apply stage.
 */
@Component
class BatchSnapshots {

    private final GuestDirectory directory;
    private final Repository<Person> people;
    private final Repository<GuestUnit> units;

    BatchSnapshots(GuestDirectory directory, Repository<Person> people, Repository<GuestUnit> units) {
        this.directory = directory;
        this.people = people;
        this.units = units;
    }

    /** For a real run: the phones nobody holds are claimed for new people (another batch may win a claim: then its holder counts). */
    PlanSnapshot claiming(ImportRun run, List<RowReading> readings) {
        WorkspaceId workspace = run.workspaceId();
        Set<String> phones = phones(readings);
        Map<String, PersonId> holders = directory.holdersOf(workspace, phones);
        Map<String, PersonId> claims = new HashMap<>();
        phones.stream().filter(p -> !holders.containsKey(p)).forEach(p -> claims.put(p, PersonId.random()));
        Set<String> claimed = directory.claimAll(workspace, claims);
        Set<PersonId> newPeople = new HashSet<>();
        claims.forEach((phone, person) -> {
            if (claimed.contains(phone)) {
                holders.put(phone, person);
                newPeople.add(person);
            }
        });
        Set<String> lost = new HashSet<>(claims.keySet());
        lost.removeAll(claimed);
        holders.putAll(directory.holdersOf(workspace, lost));
        return complete(run, readings, holders, newPeople);
    }

    /** For a dry run: nothing claimed; a phone nobody holds stands for a person the import would create. */
    PlanSnapshot looking(ImportRun run, List<RowReading> readings) {
        Map<String, PersonId> holders = new HashMap<>(directory.holdersOf(run.workspaceId(), phones(readings)));
        Set<PersonId> newPeople = new HashSet<>();
        phones(readings).stream().filter(p -> !holders.containsKey(p)).forEach(p -> {
            PersonId unknown = PersonId.random();
            holders.put(p, unknown);
            newPeople.add(unknown);
        });
        return complete(run, readings, holders, newPeople);
    }

    private PlanSnapshot complete(ImportRun run, List<RowReading> readings, Map<String, PersonId> holders, Set<PersonId> newPeople) {
        Map<PersonId, PersonState> known = new HashMap<>();
        Set<UnitId> unitIds = new LinkedHashSet<>();
        for (PersonId holder : new LinkedHashSet<>(holders.values())) {
            if (!newPeople.contains(holder)) {
                PersonState state = people.load(holder.toString()).invoke(p -> new PersonState(p.name(), p.unitId()));
                known.put(holder, state);
                if (state.unitId() != null) {
                    unitIds.add(state.unitId());
                }
            }
        }
        readings.stream().filter(r -> r.validPhone() && r.householdKey() != null)
                .forEach(r -> run.unitOfHousehold(r.householdKey()).ifPresent(unitIds::add));
        Map<UnitId, UnitState> unitStates = new HashMap<>();
        unitIds.forEach(id -> unitStates.put(id, units.load(id.toString()).invoke(u -> new UnitState(u.isArchived(), u.side(), u.tags()))));
        return new PlanSnapshot(holders, newPeople, known, unitStates);
    }

    private static Set<String> phones(List<RowReading> readings) {
        Set<String> phones = new LinkedHashSet<>();
        readings.stream().filter(RowReading::validPhone).forEach(r -> phones.add(r.e164()));
        return phones;
    }
}
