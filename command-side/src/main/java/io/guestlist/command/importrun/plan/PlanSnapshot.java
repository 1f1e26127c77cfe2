package io.guestlist.command.importrun.plan;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;

import java.util.Map;
import java.util.Set;

/**
 * The state a batch is planned against, read before planning: who holds each valid phone of the batch
 * (a phone nobody held stands for a new person, in {@code newPeople}: claimed for a real run, made up
 * for a dry run), the known holders as they are, the units the rows may touch, and among those the
 * units whose chosen primary contact is a member without a valid phone (so not inviteable).
 */
public record PlanSnapshot(Map<String, PersonId> holders, Set<PersonId> newPeople, Map<PersonId, PersonState> people,
                           Map<UnitId, UnitState> units, Map<UnitId, PersonId> unreachableContacts) {

    /** A known person: their name, their unit ({@code null} when removed), email and notes. */
    public record PersonState(String name, UnitId unitId, String email, String notes) {
    }

    /** An existing unit: status, side and tags. */
    public record UnitState(boolean archived, String side, Set<String> tags) {
    }
}
