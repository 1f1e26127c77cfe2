package io.guestlist.kernel.importrun;

import io.guestlist.kernel.privacy.PersonalData;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;

import java.util.List;
import java.util.Map;

/**
 * One input row as recorded for good (SPEC §2.5): its raw values, what was parsed, its outcome and
 * warnings, whether it is inviteable, the person and unit it touched, and what that person and unit
 * were before, so the run can be undone.
 */
public record RowResult(int rowNumber, @PersonalData Map<String, String> raw, @PersonalData ParsedRow parsed, Outcome outcome,
                        List<String> warnings, boolean inviteable, @DataSubject PersonId personId, UnitId unitId, Before before) {

    /**
     * The state the row changed, as it was: {@code null} fields were not changed by the row.
     *
     * @param personCreated the row created the person (undo removes them)
     * @param unitCreated   the row created the unit (undo archives it when it is left empty)
     * @param name          the person's name before a rename
     * @param unitId        the person's unit before a move or reactivation
     * @param personRemoved the person was removed before being reactivated
     * @param unitArchived  the unit was archived before being restored
     * @param side          the unit's side before it was set, when {@code sideChanged}
     * @param addedTags     tags the row added to the unit
     * @param contactChanged the row set the person's email or notes (rows recorded before this field read {@code false})
     * @param email         the person's email before, when {@code contactChanged} ({@code null}: none)
     * @param notes         the person's notes before, when {@code contactChanged} ({@code null}: none)
     */
    public record Before(boolean personCreated, boolean unitCreated, @PersonalData String name, UnitId unitId, boolean personRemoved,
                         boolean unitArchived, boolean sideChanged, String side, List<String> addedTags,
                         boolean contactChanged, @PersonalData String email, @PersonalData String notes) {
    }
}
