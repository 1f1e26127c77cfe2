package io.guestlist.command.importrun.plan;

import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.RowResult;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch does: the units to create, and every row's result (outcome, warnings, person, unit, and
 * what it changes, as {@link RowResult.Before}). A real run carries it out; a dry run records it as
 * {@link #dryRunResults()}, so a dry run and a real run cannot disagree.
 */
public record ImportPlan(List<NewUnit> newUnits, List<Row> rows) {

    /** A unit the batch creates, with the side and tags its rows give it. */
    public record NewUnit(UnitId id, String name, String side, Set<String> tags) {
    }

    /** A row as read, and its result. */
    public record Row(RowReading reading, RowResult result) {

        public boolean createsPerson() {
            return result.before() != null && result.before().personCreated();
        }

        /** Whether the row sets an existing person's email or notes. */
        public boolean contactChanged() {
            return result.before() != null && result.before().contactChanged();
        }
    }

    public List<RowResult> results() {
        return rows.stream().map(Row::result).toList();
    }

    /** The rows as the real run would have applied them, without their raw values: what a dry run's later batches need. */
    public List<RowResult> plannedForDryRun() {
        return rows.stream().map(Row::result).map(r -> new RowResult(r.rowNumber(), Map.of(), r.parsed(), r.outcome(), r.warnings(),
                r.inviteable(), r.personId(), r.unitId(), r.before())).toList();
    }

    /**
     * The rows as a dry run records them: nothing was created, so a new person has no id and a new unit
     * is not named; nothing is to undo.
     */
    public List<RowResult> dryRunResults() {
        return rows.stream().map(row -> {
            RowResult r = row.result();
            boolean newUnit = r.before() != null && r.before().unitCreated();
            return new RowResult(r.rowNumber(), r.raw(), r.parsed(), r.outcome(), r.warnings(), r.inviteable(),
                    r.outcome() == Outcome.CREATED ? null : r.personId(),
                    r.outcome() == Outcome.CREATED || newUnit ? null : r.unitId(), null);
        }).toList();
    }
}
