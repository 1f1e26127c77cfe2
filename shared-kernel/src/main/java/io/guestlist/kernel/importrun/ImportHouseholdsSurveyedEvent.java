package io.guestlist.kernel.importrun;

import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/**
 * Before its first row, the run read all its rows once and settled where each household goes (SPEC §4.3),
 * for the whole run, whatever batch its rows fall in. Keys are household keys (trimmed, spaces collapsed,
 * lower case).
 *
 * @param ofKnownPerson the unit of the household's first person already known before the run
 * @param byName        for a household none of whose people is known, the one ACTIVE unit bearing its name
 * @param ambiguousName households none of whose people is known, whose name two or more ACTIVE units bear
 */
@Revision("1")
public record ImportHouseholdsSurveyedEvent(ImportRunId runId, WorkspaceId workspaceId, Map<String, UnitId> ofKnownPerson,
                                            Map<String, UnitId> byName, List<String> ambiguousName) implements ImportRunEvent {
}
