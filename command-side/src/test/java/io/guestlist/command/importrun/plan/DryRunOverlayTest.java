package io.guestlist.command.importrun.plan;

import io.guestlist.command.importrun.plan.PlanSnapshot.PersonState;
import io.guestlist.command.importrun.plan.PlanSnapshot.UnitState;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.ParsedRow;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run's later batches see what its earlier ones would have done, laid over the workspace as it is. */
class DryRunOverlayTest {

    private static final PersonId NEW_PERSON = PersonId.random();
    private static final PersonId KNOWN = PersonId.random();
    private static final UnitId NEW_UNIT = UnitId.random();
    private static final UnitId EXISTING = UnitId.random();

    @Test
    void aPersonAndUnitTheDryRunWouldHaveCreated_areKnownToItsLaterBatches() {
        DryRunOverlay overlay = new DryRunOverlay();
        overlay.fold(List.of(row("Dev", "+919876543221", "Bride", List.of("family"), Outcome.CREATED, NEW_PERSON, NEW_UNIT,
                new Before(true, true, null, null, false, false, false, null, List.of(), false, null, null))));

        assertThat(overlay.holder("+919876543221")).contains(NEW_PERSON);
        assertThat(overlay.wouldHaveCreatedPerson(NEW_PERSON)).isTrue();
        assertThat(overlay.person(NEW_PERSON, null)).isEqualTo(new PersonState("Dev", NEW_UNIT, null, null));
        assertThat(overlay.wouldHaveCreatedUnit(NEW_UNIT)).isTrue();
        assertThat(overlay.unit(NEW_UNIT, null)).isEqualTo(new UnitState(false, "Bride", Set.of("family")));
    }

    @Test
    void changesToAnExistingUnitAndPerson_areLaidOverWhatTheyAreNow() {
        DryRunOverlay overlay = new DryRunOverlay();
        overlay.fold(List.of(row(null, "+919876543210", "Groom", List.of("vip"), Outcome.REACTIVATED, KNOWN, EXISTING,
                new Before(false, false, null, null, false, true, true, "Bride", List.of("vip"), false, null, null))));

        assertThat(overlay.wouldHaveCreatedPerson(KNOWN)).isFalse();
        assertThat(overlay.person(KNOWN, new PersonState("Asha", EXISTING, "asha@example.com", null)))
                .isEqualTo(new PersonState("Asha", EXISTING, "asha@example.com", null));
        assertThat(overlay.unit(EXISTING, new UnitState(true, "Bride", Set.of("family"))))
                .isEqualTo(new UnitState(false, "Groom", Set.of("family", "vip")));
    }

    private static RowResult row(String name, String phone, String side, List<String> tags, Outcome outcome, PersonId person, UnitId unit,
                                 Before before) {
        return new RowResult(1, Map.of(), new ParsedRow(name, phone, phone, null, null, null, side, tags, null, null, null), outcome,
                List.of(), true, person, unit, before);
    }
}
