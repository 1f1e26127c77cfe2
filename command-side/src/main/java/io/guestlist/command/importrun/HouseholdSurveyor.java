package io.guestlist.command.importrun;

import io.guestlist.command.importrun.intake.ImportPayloads;
import io.guestlist.command.importrun.intake.PayloadReader;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.importrun.plan.HouseholdSurvey;
import io.guestlist.command.importrun.plan.ImportRows;
import io.guestlist.command.importrun.plan.PhoneMemo;
import io.guestlist.command.importrun.plan.RowReading;
import io.guestlist.command.importrun.parse.RowReader;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's rows once before its first batch and surveys its households ({@link HouseholdSurvey}):
 * only rows with a household are read against the workspace, and the holders of their phones are
 * looked up {@value #CHUNK} rows at a time. The phone cells it reads are left in a {@link PhoneMemo}
 * for the batches.
 */
@Component
class HouseholdSurveyor {

    private static final int CHUNK = 1000;

    private final PayloadReader reader;
    private final GuestDirectory directory;

    HouseholdSurveyor(PayloadReader reader, GuestDirectory directory) {
        this.reader = reader;
        this.directory = directory;
    }

    HouseholdSurvey.Result survey(ImportPayloads.Payload payload, WorkspaceSettings workspace, PhoneMemo phones) {
        HouseholdSurvey survey = new HouseholdSurvey();
        List<RowReading> chunk = new ArrayList<>(CHUNK);
        try (RowReader rows = reader.read(payload.channel(), payload.bytes(), payload.contentType(), payload.mapping(),
                workspace.defaultRegion())) {
            while (rows.hasNext()) {
                RawRow row = rows.next();
                if (ImportRows.hasText(row.household())) {
                    RowReading reading = RowReading.of(row, workspace, phones);
                    if (reading.validPhone()) {
                        chunk.add(reading);
                    }
                }
                if (chunk.size() >= CHUNK) {
                    add(survey, payload, chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        }
        add(survey, payload, chunk);
        return survey.result(survey.needsUnitNames() ? directory.activeUnitNames(payload.workspaceId()) : Map.of());
    }

    private void add(HouseholdSurvey survey, ImportPayloads.Payload payload, List<RowReading> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, PersonId> holders = directory.holdersOf(payload.workspaceId(), chunk.stream().map(RowReading::e164).distinct().toList());
        Map<PersonId, UnitId> units = directory.unitsOf(holders.values());
        survey.add(chunk, holders, units);
    }
}
