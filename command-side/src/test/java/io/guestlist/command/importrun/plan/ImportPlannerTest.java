package io.guestlist.command.importrun.plan;

import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.importrun.parse.RawRow;
import io.guestlist.command.importrun.plan.PlanSnapshot.PersonState;
import io.guestlist.command.importrun.plan.PlanSnapshot.UnitState;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.RowResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner against a table of row situations (SPEC §4.2 outcomes, §4.3 households): each case is a
 * workspace as it stands, one row (after any earlier rows), and the outcome, target and warnings it must get.
 */
class ImportPlannerTest {

    private static final WorkspaceSettings WORKSPACE = new WorkspaceSettings("IN", List.of("Bride", "Groom", "Both"));
    private static final UnitId SHARMAS = UnitId.random();
    private static final UnitId OLD_FRIENDS = UnitId.random(); // archived
    private static final UnitId BY_NAME = UnitId.random();
    private static final PersonId ASHA = PersonId.random(); // in the Sharmas, side Bride, tag family
    private static final PersonId NIKHIL = PersonId.random(); // removed
    private static final PersonId MEERA = PersonId.random(); // in the archived Old Friends
    private static final String ASHA_PHONE = "+919876543210";
    private static final String NIKHIL_PHONE = "+919876543214";
    private static final String MEERA_PHONE = "+919876543213";

    /** Where a row's person must end up. */
    enum Target { NONE, SHARMAS, OLD_FRIENDS, BY_NAME, NEW_UNIT }

    record Case(String situation, List<Row> earlier, Row row, Outcome outcome, Target target, String newUnitName, List<String> warnings) {
        @Override
        public String toString() {
            return situation;
        }
    }

    record Row(String name, String phone, String household, String side, String tags) {
    }

    static Stream<Case> situations() {
        return Stream.of(
                // SPEC §4.2
                new Case("no phone text at all", List.of(), row("No Phone", "", null), Outcome.SKIPPED_NO_PHONE, Target.NONE, null, List.of()),
                new Case("a blank line", List.of(), new Row(null, null, null, null, null), Outcome.SKIPPED_NO_PHONE, Target.NONE, null, List.of("blank_row")),
                new Case("phone text that is not a valid number", List.of(), row("Bad", "12345", null), Outcome.WARNING_MALFORMED_PHONE, Target.NONE, null, List.of()),
                new Case("valid phone unknown in the workspace", List.of(), row("Solo", "98765 43223", null), Outcome.CREATED, Target.NEW_UNIT, "Solo", List.of()),
                new Case("unknown phone, no name: unit named after the phone", List.of(), row("", "98765 43224", null), Outcome.CREATED, Target.NEW_UNIT, "98765 43224", List.of("name_missing")),
                new Case("a removed person", List.of(), row("Nikhil Rao", "98765 43214", null), Outcome.REACTIVATED, Target.NEW_UNIT, "Nikhil Rao", List.of()),
                new Case("a person whose unit is archived", List.of(), row("Meera Iyer", "98765 43213", null), Outcome.REACTIVATED, Target.OLD_FRIENDS, null, List.of()),
                new Case("an active person renamed", List.of(), row("Asha S", "98765 43210", null), Outcome.UPDATED, Target.SHARMAS, null, List.of()),
                new Case("an active person, side set on the unit", List.of(), new Row("Asha Sharma", "98765 43210", null, "groom", null), Outcome.UPDATED, Target.SHARMAS, null, List.of()),
                new Case("an active person, a tag added to the unit", List.of(), new Row("Asha Sharma", "98765 43210", null, null, "vip"), Outcome.UPDATED, Target.SHARMAS, null, List.of()),
                new Case("an active person, nothing differs", List.of(), new Row("Asha Sharma", "98765 43210", null, "Bride", "family"), Outcome.UNCHANGED, Target.SHARMAS, null, List.of()),
                new Case("an active person, no name given", List.of(), row("", "98765 43210", null), Outcome.UNCHANGED, Target.SHARMAS, null, List.of("name_missing")),
                new Case("a known person whose group goes to an earlier known person's unit: moved", List.of(), row("Meera Iyer", "98765 43213", "Sharma Clan"), Outcome.UPDATED, Target.SHARMAS, null, List.of()),
                new Case("same phone earlier in the run", List.of(row("Solo", "98765 43223", null)), row("Solo", "98765 43223", null), Outcome.UNCHANGED, Target.NEW_UNIT, "Solo", List.of("duplicate_phone_in_run")),
                new Case("a landline", List.of(), row("Lata", "011 2345 6789", null), Outcome.CREATED, Target.NEW_UNIT, "Lata", List.of("phone_not_mobile")),
                new Case("a side the workspace does not have", List.of(), new Row("Uma", "98765 43225", null, "Neighbours", null), Outcome.CREATED, Target.NEW_UNIT, "Uma", List.of("unknown_side")),
                new Case("two numbers in one cell", List.of(), row("Multi", "98111 22233 / 98111 22234", null), Outcome.CREATED, Target.NEW_UNIT, "Multi", List.of("extra_phones")),
                // SPEC §4.3
                new Case("a group whose first known person is in the Sharmas (settled for the run)", List.of(), row("Priya", "98765 43220", "Sharma Clan"), Outcome.CREATED, Target.SHARMAS, null, List.of()),
                new Case("a group none of whose people is known", List.of(), row("Dev", "98765 43221", "The Singhs"), Outcome.CREATED, Target.NEW_UNIT, "The Singhs", List.of()),
                new Case("a later row of a new group joins the group's new unit", List.of(row("Dev", "98765 43221", "The Singhs")), row("Sita", "98765 43222", "the  singhs"), Outcome.CREATED, Target.NEW_UNIT, "The Singhs", List.of()),
                new Case("a group joining the one active unit of its name", List.of(), row("Ravi", "98765 43211", "The Sharma Family"), Outcome.CREATED, Target.BY_NAME, null, List.of("joined_unit_by_name")),
                new Case("a group whose name two active units bear", List.of(), row("Gauri", "98765 43252", "The Guptas"), Outcome.CREATED, Target.NEW_UNIT, "The Guptas", List.of("ambiguous_household_name")),
                new Case("no household: the person keeps their unit", List.of(), row("Asha Sharma", "98765 43210", null), Outcome.UNCHANGED, Target.SHARMAS, null, List.of()),
                new Case("no household, placed by an earlier row: stays where it put them", List.of(row("Meera Iyer", "98765 43213", "Sharma Clan")), row("Meera Iyer", "98765 43213", null), Outcome.UNCHANGED, Target.SHARMAS, null, List.of("duplicate_phone_in_run")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void eachSituation_getsItsOutcomeTargetAndWarnings(Case c) {
        List<Row> rows = new ArrayList<>(c.earlier());
        rows.add(c.row());
        ImportPlan plan = plan(rows);

        RowResult result = plan.results().get(rows.size() - 1);
        assertThat(result.outcome()).isEqualTo(c.outcome());
        assertThat(result.warnings()).containsExactlyInAnyOrderElementsOf(c.warnings());
        assertThat(result.inviteable()).isEqualTo(c.outcome().placesPerson());
        switch (c.target()) {
            case NONE -> assertThat(result.unitId()).isNull();
            case SHARMAS -> assertThat(result.unitId()).isEqualTo(SHARMAS);
            case OLD_FRIENDS -> assertThat(result.unitId()).isEqualTo(OLD_FRIENDS);
            case BY_NAME -> assertThat(result.unitId()).isEqualTo(BY_NAME);
            case NEW_UNIT -> assertThat(plan.newUnits()).filteredOn(u -> u.id().equals(result.unitId()))
                    .singleElement().satisfies(u -> assertThat(u.name()).isEqualTo(c.newUnitName()));
        }
    }

    @Test
    void anEmailOrNotesGiven_updateAKnownPerson_aBlankCellNeverOverwrites() {
        List<RawRow> rows = List.of(rawRow(1, row("Asha Sharma", "98765 43210", null)), withEmail(rawRow(2, row("Asha Sharma", "98765 43210", null))));
        ImportPlan plan = plan(rows, Map.of());

        assertThat(plan.rows()).extracting(r -> r.result().outcome()).containsExactly(Outcome.UNCHANGED, Outcome.UPDATED);
        assertThat(plan.rows()).extracting(ImportPlan.Row::contactChanged).containsExactly(false, true);
    }

    @Test
    void aRowThatSetsAKnownPersonsContact_recordsHerContactAsItWasBeforeTheRow_forTheUndo() {
        List<RawRow> rows = List.of(withContact(rawRow(1, row("Asha Sharma", "98765 43210", null)), "asha@example.com", "Vegetarian"),
                withContact(rawRow(2, row("Asha Sharma", "98765 43210", null)), "asha@work.example", null),
                rawRow(3, row("Asha Sharma", "98765 43210", null)));
        List<RowResult> results = plan(rows, Map.of()).results();

        assertThat(results).extracting(r -> r.before().contactChanged()).containsExactly(true, true, false);
        assertThat(results.get(0).before().email()).as("she had none").isNull();
        assertThat(results.get(0).before().notes()).isNull();
        assertThat(results.get(1).before().email()).as("as the earlier row of the run left it").isEqualTo("asha@example.com");
        assertThat(results.get(1).before().notes()).isEqualTo("Vegetarian");
        assertThat(results.get(2).before().email()).as("nothing to restore").isNull();
    }

    @Test
    void aRowPlacedInAUnitWhoseChosenContactHasNoValidPhone_isNotInviteable() {
        PersonId contact = PersonId.random();
        List<RawRow> rows = List.of(rawRow(1, row("Asha Sharma", "98765 43210", null)));
        ImportPlan plan = plan(rows, Map.of(SHARMAS, contact));

        assertThat(plan.results().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(plan.results().get(0).inviteable()).isFalse();
    }

    private static RawRow withContact(RawRow row, String email, String notes) {
        return new RawRow(row.rowNumber(), row.raw(), row.name(), row.phone(), List.of(), null, null, null, List.of(), email, notes);
    }

    private static RawRow withEmail(RawRow row) {
        return new RawRow(row.rowNumber(), row.raw(), row.name(), row.phone(), List.of(), null, null, null, List.of(), "asha@example.com", null);
    }

    @Test
    void aNewGroup_getsEveryRowsTags_andTheFirstSideGiven() {
        ImportPlan plan = plan(List.of(new Row("Dev", "98765 43221", "The Singhs", "Bride", "family"),
                new Row("Sita", "98765 43222", "the singhs", "Groom", "vip")));

        assertThat(plan.newUnits()).singleElement().satisfies(u -> {
            assertThat(u.side()).isEqualTo("Bride");
            assertThat(u.tags()).containsExactlyInAnyOrder("family", "vip");
        });
    }

    @Test
    void tagsAreAddedToAnExistingUnit_neverRemoved_andTheUndoKnowsWhich() {
        RowResult result = plan(List.of(new Row("Asha Sharma", "98765 43210", null, null, "vip;family"))).results().get(0);

        assertThat(result.before().addedTags()).containsExactly("vip");
    }

    @Test
    void aDryRunsResults_nameNoNewPersonOrUnit_andHaveNothingToUndo() {
        ImportPlan plan = plan(List.of(row("Solo", "98765 43223", null), row("Asha S", "98765 43210", null)));

        List<RowResult> dry = plan.dryRunResults();
        assertThat(dry).extracting(RowResult::outcome).containsExactly(Outcome.CREATED, Outcome.UPDATED);
        assertThat(dry.get(0).personId()).isNull();
        assertThat(dry.get(0).unitId()).isNull();
        assertThat(dry.get(1).personId()).isEqualTo(ASHA);
        assertThat(dry).allSatisfy(r -> assertThat(r.before()).isNull());
    }

    private static Row row(String name, String phone, String household) {
        return new Row(name, phone, household, null, null);
    }

    /** Plans the rows against the workspace of this table, as a real run would (new phones claimed). */
    private static ImportPlan plan(List<Row> rows) {
        List<RawRow> raw = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            raw.add(rawRow(i + 1, rows.get(i)));
        }
        return plan(raw, Map.of());
    }

    /** Plans against the workspace of this table: phones nobody holds are claimed for new people, as a real run does. */
    private static ImportPlan plan(List<RawRow> raw, Map<UnitId, PersonId> unreachableContacts) {
        List<RowReading> readings = ImportPlanner.read(raw, WORKSPACE, PhoneMemo.NONE);
        Map<String, PersonId> holders = new HashMap<>(Map.of(ASHA_PHONE, ASHA, NIKHIL_PHONE, NIKHIL, MEERA_PHONE, MEERA));
        Set<PersonId> newPeople = new HashSet<>();
        readings.stream().filter(RowReading::validPhone).filter(r -> !holders.containsKey(r.e164())).forEach(r -> {
            PersonId id = PersonId.random();
            holders.put(r.e164(), id);
            newPeople.add(id);
        });
        PlanSnapshot snapshot = new PlanSnapshot(holders, newPeople,
                Map.of(ASHA, new PersonState("Asha Sharma", SHARMAS, null, null), NIKHIL, new PersonState("Nikhil Rao", null, null, null),
                        MEERA, new PersonState("Meera Iyer", OLD_FRIENDS, null, null)),
                Map.of(SHARMAS, new UnitState(false, "Bride", Set.of("family")), OLD_FRIENDS, new UnitState(true, null, Set.of()),
                        BY_NAME, new UnitState(false, null, Set.of())), unreachableContacts);
        return ImportPlanner.plan(readings, snapshot, new Run());
    }

    private static RawRow rawRow(int number, Row row) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("Name", row.name() == null ? "" : row.name());
        raw.put("Phone", row.phone() == null ? "" : row.phone());
        List<String> tags = row.tags() == null ? List.of() : List.of(row.tags().split(";"));
        return new RawRow(number, raw, blankToNull(row.name()), blankToNull(row.phone()), List.of(), null, row.household(), row.side(),
                tags, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The run as its survey left it: "Sharma Clan" has a known person in the Sharmas, two units bear "The Guptas". */
    private static final class Run implements RunSoFar {
        @Override
        public Optional<UnitId> unitOfHousehold(String householdKey) {
            return switch (householdKey) {
                case "sharma clan" -> Optional.of(SHARMAS);
                case "the sharma family" -> Optional.of(BY_NAME);
                default -> Optional.empty();
            };
        }

        @Override
        public boolean joinsByName(String householdKey) {
            return householdKey.equals("the sharma family");
        }

        @Override
        public boolean ambiguousName(String householdKey) {
            return householdKey.equals("the guptas");
        }

        @Override
        public boolean seen(String e164) {
            return false;
        }
    }
}
