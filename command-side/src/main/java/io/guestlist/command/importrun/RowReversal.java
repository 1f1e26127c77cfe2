package io.guestlist.command.importrun;

import io.guestlist.kernel.importrun.RowResult;

import java.util.List;

/**
 * What undoing one row reverts: each change the row made, unless later work (another run or command)
 * changed that aspect again, in which case it is left as it is and the row is kept_newer_change.
 *
 * @param deletePerson    the row created the person, and nothing about them changed since
 * @param revertName      the row renamed the person, and the name is still the run's
 * @param revertContact   the row set the person's email or notes, and they are still the run's
 * @param revertUnit      the row moved or reactivated the person, the membership is still the run's, and
 *                        the unit they came from was not discarded since
 * @param rearchiveUnit   the row restored an archived unit, and the status is still the run's
 * @param revertSide      the row set the unit's side, and the side is still the run's
 * @param tagsToRemove    the tags the row added that the unit still has as the run added them
 * @param keptNewerChange some change of the row is left because later work changed it again
 */
record RowReversal(RowResult row, boolean deletePerson, boolean revertName, boolean revertContact, boolean revertUnit,
                   boolean rearchiveUnit, boolean revertSide, List<String> tagsToRemove, boolean keptNewerChange) {

    /** Whether the person leaves the row's unit when the row is reverted. */
    boolean personLeavesUnit() {
        return deletePerson || revertUnit;
    }

    boolean changesUnit() {
        return rearchiveUnit || revertSide || !tagsToRemove.isEmpty();
    }

    RowReversal asKeptNewerChange() {
        return new RowReversal(row, deletePerson, revertName, revertContact, revertUnit, rearchiveUnit, revertSide, tagsToRemove, true);
    }
}
