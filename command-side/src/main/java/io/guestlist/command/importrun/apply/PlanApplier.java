package io.guestlist.command.importrun.apply;

import io.guestlist.command.guestunit.Units;
import io.guestlist.command.importrun.plan.ImportPlan;
import io.guestlist.command.person.People;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Carries out a batch's plan in the batch's unit of work: the new units first, then the new people,
 * then the changes to people already known, in row order, so that events (and the projections'
 * writes) come in long runs of one kind. It decides nothing: each row's {@link Before} says what to do,
 * and it acts only through the entry points of the person and unit packages.
 */
@Component
public class PlanApplier {

    private final People people;
    private final Units units;

    PlanApplier(People people, Units units) {
        this.people = people;
        this.units = units;
    }

    public List<RowResult> apply(WorkspaceId workspace, ImportPlan plan) {
        plan.newUnits().forEach(unit -> units.create(unit.id(), workspace, unit.name(), unit.side(), unit.tags()));
        plan.rows().stream().filter(ImportPlan.Row::createsPerson).forEach(row -> people.register(
                row.result().personId(), workspace, row.result().unitId(), row.reading().nameOrPhone(), row.reading().phone(),
                row.reading().email(), row.reading().notes()));
        plan.rows().stream().filter(row -> row.result().before() != null && !row.createsPerson()).forEach(this::change);
        return plan.results();
    }

    private void change(ImportPlan.Row row) {
        RowResult result = row.result();
        Before before = result.before();
        if (before.personRemoved() || before.unitId() != null || before.name() != null) {
            people.place(result.personId(), result.unitId(), before.personRemoved(), before.name() != null ? result.parsed().name() : null);
        }
        if (row.contactChanged()) {
            people.changeContact(result.personId(), row.reading().email(), row.reading().notes());
        }
        if (!before.unitCreated() && (before.unitArchived() || before.sideChanged() || !before.addedTags().isEmpty())) {
            units.change(result.unitId(), before.sideChanged() ? row.reading().side() : null, before.addedTags());
        }
    }
}
