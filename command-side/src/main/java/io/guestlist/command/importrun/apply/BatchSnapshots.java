package io.guestlist.command.importrun.apply;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.guestunit.Units;
import io.guestlist.command.importrun.plan.DryRunOverlay;
import io.guestlist.command.importrun.plan.PlanSnapshot;
import io.guestlist.command.importrun.plan.PlanSnapshot.PersonState;
import io.guestlist.command.importrun.plan.PlanSnapshot.UnitState;
import io.guestlist.command.importrun.plan.RowReading;
import io.guestlist.command.importrun.plan.RunSoFar;
import io.guestlist.command.person.People;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
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
 * People and units are read through their packages' entry points; the batch's unit of work keeps the
 * aggregates it loaded for the apply stage.
 */
@Component
public class BatchSnapshots {

    private static final DryRunOverlay NOTHING_WOULD_HAVE_CHANGED = new DryRunOverlay();

    private final GuestDirectory directory;
    private final People people;
    private final Units units;

    BatchSnapshots(GuestDirectory directory, People people, Units units) {
        this.directory = directory;
        this.people = people;
        this.units = units;
    }

    /** For a real run: the phones nobody holds are claimed for new people (another batch may win a claim: then its holder counts). */
    public PlanSnapshot claiming(WorkspaceId workspace, RunSoFar run, List<RowReading> readings) {
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
        return complete(workspace, run, readings, holders, newPeople, NOTHING_WOULD_HAVE_CHANGED);
    }

    /**
     * For a dry run: nothing claimed; a phone nobody holds stands for a person the import would create,
     * unless an earlier batch of the dry run would have created them: the run's {@link DryRunOverlay}
     * lays what its earlier batches would have done over the workspace.
     */
    public PlanSnapshot looking(WorkspaceId workspace, RunSoFar run, DryRunOverlay overlay, List<RowReading> readings) {
        Map<String, PersonId> holders = new HashMap<>(directory.holdersOf(workspace, phones(readings)));
        Set<PersonId> newPeople = new HashSet<>();
        phones(readings).stream().filter(p -> !holders.containsKey(p)).forEach(p -> {
            PersonId holder = overlay.holder(p).orElseGet(PersonId::random);
            holders.put(p, holder);
            if (overlay.holder(p).isEmpty()) {
                newPeople.add(holder);
            }
        });
        return complete(workspace, run, readings, holders, newPeople, overlay);
    }

    private PlanSnapshot complete(WorkspaceId workspace, RunSoFar run, List<RowReading> readings, Map<String, PersonId> holders, Set<PersonId> newPeople,
                                  DryRunOverlay overlay) {
        Map<PersonId, PersonState> known = new HashMap<>();
        Set<UnitId> unitIds = new LinkedHashSet<>();
        for (PersonId holder : new LinkedHashSet<>(holders.values())) {
            if (!newPeople.contains(holder)) {
                PersonState state = overlay.person(holder, overlay.wouldHaveCreatedPerson(holder) ? null : now(holder));
                known.put(holder, state);
                if (state.unitId() != null) {
                    unitIds.add(state.unitId());
                }
            }
        }
        readings.stream().filter(r -> r.validPhone() && r.householdKey() != null)
                .forEach(r -> run.unitOfHousehold(r.householdKey()).ifPresent(unitIds::add));
        Map<UnitId, UnitState> unitStates = new HashMap<>();
        Map<UnitId, PersonId> unreachableContacts = new HashMap<>();
        unitIds.forEach(id -> {
            if (overlay.wouldHaveCreatedUnit(id)) {
                unitStates.put(id, overlay.unit(id, null));
                return;
            }
            Units.Known unit = units.known(id);
            unitStates.put(id, overlay.unit(id, new UnitState(unit.archived(), unit.side(), unit.tags())));
            if (unit.primaryContact() != null && !people.reachableIn(unit.primaryContact(), id)) {
                unreachableContacts.put(id, unit.primaryContact());
            }
        });
        return new PlanSnapshot(holders, newPeople, known, unitStates, unreachableContacts);
    }

    private PersonState now(PersonId person) {
        People.Known now = people.known(person);
        return new PersonState(now.name(), now.unitId(), now.email(), now.notes());
    }


    private static Set<String> phones(List<RowReading> readings) {
        Set<String> phones = new LinkedHashSet<>();
        readings.stream().filter(RowReading::validPhone).forEach(r -> phones.add(r.e164()));
        return phones;
    }
}
