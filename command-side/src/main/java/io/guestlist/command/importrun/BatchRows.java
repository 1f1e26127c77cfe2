package io.guestlist.command.importrun;

import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What applying a batch and classifying it for a dry run share: reading the rows against the workspace,
 * warning on a phone the run has met before, and shaping each row's result. Both must agree on these, or
 * a dry run would promise outcomes the import does not deliver.
 */
final class BatchRows {

    private final ImportRun run;
    private final WorkspaceSettings workspace;
    private final Set<String> seenHere = new HashSet<>();

    BatchRows(ImportRun run, WorkspaceSettings workspace) {
        this.run = run;
        this.workspace = workspace;
    }

    List<RowReading> read(List<RawRow> rows) {
        return rows.stream().map(r -> RowReading.of(r, workspace)).toList();
    }

    /** A phone seen in an earlier batch of the run, or earlier in this one, is a duplicate. */
    void noteDuplicate(RowReading reading) {
        if (run.seen(reading.e164()) || !seenHere.add(reading.e164())) {
            reading.warnings().add(RowReading.DUPLICATE_PHONE_IN_RUN);
        }
    }

    /** A row with a name renames a person whose name differs; a row without one keeps the name. */
    static boolean renames(RowReading reading, String currentName) {
        return ImportRows.hasText(reading.row().name()) && !Objects.equals(reading.row().name().trim(), currentName);
    }

    static RowResult unplaced(RowReading reading) {
        Outcome outcome = reading.phone() == null ? Outcome.SKIPPED_NO_PHONE : Outcome.WARNING_MALFORMED_PHONE;
        return result(reading, outcome, null, null, null);
    }

    static RowResult result(RowReading reading, Outcome outcome, PersonId person, UnitId unit, Before before) {
        return new RowResult(reading.row().rowNumber(), reading.row().raw(), reading.parsed(), outcome,
                List.copyOf(reading.warnings()), outcome.placesPerson(), person, unit, before);
    }
}
