package io.guestlist.command.importrun.plan;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each household of a run goes (SPEC §4.3), settled from all its rows before the first is applied,
 * so that a household's rows go to one unit whatever batch they fall in: the unit of the group's first
 * person known before the run; else the one ACTIVE unit bearing the household's name; else (none, or
 * several bear it) a new unit, made by the group's first row. Fed the run's rows in order, chunk by chunk,
 * with the holders of their phones and those holders' units; it keeps only one entry per household.
 */
public final class HouseholdSurvey {

    /** What the survey settled: see {@link io.guestlist.kernel.importrun.ImportHouseholdsSurveyedEvent}. */
    public record Result(Map<String, UnitId> ofKnownPerson, Map<String, UnitId> byName, List<String> ambiguousName) {
    }

    private final Map<String, UnitId> ofKnownPerson = new HashMap<>();
    /** Households none of whose people is known so far, with their name as first written. */
    private final Map<String, String> unknown = new LinkedHashMap<>();

    /** Rows of a household with a valid phone, in row order, with the holders of their phones and the holders' units. */
    public void add(List<RowReading> rows, Map<String, PersonId> holders, Map<PersonId, UnitId> unitsOfHolders) {
        for (RowReading row : rows) {
            String key = row.householdKey();
            if (key == null || !row.validPhone() || ofKnownPerson.containsKey(key)) {
                continue;
            }
            PersonId holder = holders.get(row.e164());
            UnitId unit = holder == null ? null : unitsOfHolders.get(holder);
            if (unit != null) {
                ofKnownPerson.put(key, unit);
                unknown.remove(key);
            } else {
                unknown.putIfAbsent(key, row.household());
            }
        }
    }

    public boolean needsUnitNames() {
        return !unknown.isEmpty();
    }

    /** @param activeUnitNames every ACTIVE unit of the workspace, with its name (needed only when {@link #needsUnitNames}) */
    public Result result(Map<UnitId, String> activeUnitNames) {
        Map<String, List<UnitId>> unitsByName = new HashMap<>();
        activeUnitNames.forEach((unit, name) -> unitsByName.computeIfAbsent(ImportRows.nameKey(name), k -> new ArrayList<>()).add(unit));
        Map<String, UnitId> byName = new HashMap<>();
        List<String> ambiguous = new ArrayList<>();
        unknown.forEach((key, household) -> {
            List<UnitId> bearing = unitsByName.getOrDefault(ImportRows.nameKey(household), List.of());
            if (bearing.size() == 1) {
                byName.put(key, bearing.get(0));
            } else if (bearing.size() > 1) {
                ambiguous.add(key);
            }
        });
        return new Result(Map.copyOf(ofKnownPerson), Map.copyOf(byName), List.copyOf(ambiguous));
    }
}
