package io.guestlist.command.importrun;

import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.importrun.plan.ImportPlan;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.importrun.RowResult.Before;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Carries out a batch's plan in the batch's unit of work: the new units first, then the new people,
 * then the changes to people already known, in row order, so that events (and the projections'
 * writes) come in long runs of one kind. It decides nothing: each row's {@link Before} says what to do.
 */
@Component
class PlanApplier {

    private final Repository<Person> people;
    private final Repository<GuestUnit> units;

    PlanApplier(Repository<Person> people, Repository<GuestUnit> units) {
        this.people = people;
        this.units = units;
    }

    List<RowResult> apply(WorkspaceId workspace, ImportPlan plan) {
        plan.newUnits().forEach(unit -> create(units, () -> GuestUnit.create(unit.id(), workspace, unit.name(), unit.side(), unit.tags())));
        plan.rows().stream().filter(ImportPlan.Row::createsPerson).forEach(row -> create(people, () -> Person.register(
                row.result().personId(), workspace, row.result().unitId(), row.reading().nameOrPhone(), row.reading().phone())));
        plan.rows().stream().filter(row -> row.result().before() != null && !row.createsPerson()).forEach(this::change);
        return plan.results();
    }

    private void change(ImportPlan.Row row) {
        RowResult result = row.result();
        Before before = result.before();
        if (before.personRemoved() || before.unitId() != null || before.name() != null) {
            people.load(result.personId().toString()).execute(person -> {
                if (before.personRemoved()) {
                    person.reactivateIn(result.unitId());
                } else if (before.unitId() != null) {
                    person.moveTo(result.unitId());
                }
                if (before.name() != null) {
                    person.rename(result.parsed().name());
                }
            });
        }
        if (!before.unitCreated() && (before.unitArchived() || before.sideChanged() || !before.addedTags().isEmpty())) {
            units.load(result.unitId().toString()).execute(unit -> {
                unit.restoreIfArchived();
                if (before.sideChanged()) {
                    unit.setSide(row.reading().side());
                }
                unit.addTags(new TreeSet<>(before.addedTags()));
            });
        }
    }

    private static <T> void create(Repository<T> repository, Callable<T> factory) {
        try {
            repository.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
