package io.guestlist.command.importrun.plan;

import io.guestlist.kernel.ids.UnitId;

import java.util.Optional;

/** What the planner needs of the run beyond the batch: its households so far and the phones it has met. */
public interface RunSoFar {

    /** The unit a household goes to, settled by the run's survey or by an earlier batch. */
    Optional<UnitId> unitOfHousehold(String householdKey);

    /** The household joins a unit of the workspace by its name: none of its people was known. */
    boolean joinsByName(String householdKey);

    /** Two or more ACTIVE units bear the household's name, none of its people known: it gets a unit of its own. */
    boolean ambiguousName(String householdKey);

    /** The phone was placed by an earlier batch of the run. */
    boolean seen(String e164);
}
