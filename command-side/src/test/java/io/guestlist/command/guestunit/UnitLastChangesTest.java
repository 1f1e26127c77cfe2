package io.guestlist.command.guestunit;

import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.meta.Attribution;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A unit remembers, through its events, which request or run last changed each aspect (what an import's undo asks). */
class UnitLastChangesTest {

    private static final UnitId UNIT = UnitId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final String RUN = "run-1";

    record Ask(UnitId unitId, List<String> tags) {
    }

    record Answer(boolean side, boolean status, List<String> tagsAddedByTheRun, boolean onlyTheRun) {
    }

    /** Answers, for the run, what the undo would ask the unit. */
    static class Asking {
        private final Repository<GuestUnit> units;

        Asking(Repository<GuestUnit> units) {
            this.units = units;
        }

        @CommandHandler
        Answer handle(Ask ask) {
            return units.load(ask.unitId().toString()).invoke(u -> new Answer(u.sideLastChangedIn(RUN), u.statusLastChangedIn(RUN),
                    u.tagsLastAddedIn(ask.tags(), RUN), u.lastChangedOnlyIn(RUN)));
        }
    }

    private FixtureConfiguration<GuestUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuestUnit.class);
        fixture.registerAnnotatedCommandHandler(new Asking(fixture.getRepository()));
    }

    private static EventMessage<?> in(String correlationId, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(Attribution.CORRELATION_ID, correlationId));
    }

    @Test
    void aUnitOnlyTheRunChanged_isAllTheRuns() {
        fixture.given(in(RUN, new UnitCreatedEvent(UNIT, WORKSPACE, "Sharmas", "Bride", Set.of("vip"))),
                        in(RUN, new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("school"))))
                .when(new Ask(UNIT, List.of("vip", "school")))
                .expectResultMessagePayload(new Answer(true, true, List.of("vip", "school"), true));
    }

    @Test
    void laterWork_takesTheAspectsItChanged_andATagRemovedAndAddedAgainIsNoLongerTheRuns() {
        fixture.given(in(RUN, new UnitCreatedEvent(UNIT, WORKSPACE, "Sharmas", null, Set.of("vip", "family"))),
                        in(RUN, new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("school"))),
                        in("request-2", new UnitSideSetEvent(UNIT, WORKSPACE, "Groom")),
                        in("request-3", new UnitTagsRemovedEvent(UNIT, WORKSPACE, Set.of("vip", "family"))),
                        in("request-4", new UnitTagsAddedEvent(UNIT, WORKSPACE, Set.of("vip"))))
                .when(new Ask(UNIT, List.of("vip", "family", "school")))
                .expectResultMessagePayload(new Answer(false, true, List.of("school"), false));
    }
}
