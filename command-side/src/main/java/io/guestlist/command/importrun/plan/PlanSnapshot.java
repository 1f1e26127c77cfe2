package io.guestlist.command.importrun.plan;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;

import java.util.Map;
import java.util.Set;

/**
 * The state a batch is planned against, read before planning: who holds each valid phone of the batch
 * (a phone nobody held stands for a new person, in {@code newPeople}: claimed for a real run, made up
 * for a dry run), the known holders as they are, and the units the rows may touch.
 */
public record PlanSnapshot(Map<String, PersonId> holders, Set<PersonId> newPeople, Map<PersonId, PersonState> people,
                           Map<UnitId, UnitState> units) {

    /** A known person: their name, and their unit ({@code null} when removed). */
    public record PersonState(String name, UnitId unitId) {
    }

    /** An existing unit: status, side and tags. */
    public record UnitState(boolean archived, String side, Set<String> tags) {
    }
}
