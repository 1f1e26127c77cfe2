package io.guestlist.command.person;

import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonContactChangedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.kernel.phone.Phone;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** A person remembers, through their events, which request or run last changed each aspect (what an import's undo asks). */
class PersonLastChangesTest {

    private static final PersonId ASHA = PersonId.random();
    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final UnitId SHARMAS = UnitId.random();
    private static final UnitId KAPOORS = UnitId.random();
    private static final Phone PHONE = Phone.valid("98765 43210", "+919876543210", true);
    private static final String RUN = "run-1";

    record Ask(PersonId personId) {
    }

    record Answer(boolean name, boolean unit, boolean contact, boolean onlyTheRun) {
    }

    /** Answers, for the run, what the undo would ask the person. */
    static class Asking {
        private final Repository<Person> people;

        Asking(Repository<Person> people) {
            this.people = people;
        }

        @CommandHandler
        Answer handle(Ask ask) {
            return people.load(ask.personId().toString())
                    .invoke(p -> new Answer(p.nameLastChangedIn(RUN), p.unitLastChangedIn(RUN), p.contactLastChangedIn(RUN),
                            p.lastChangedOnlyIn(RUN)));
        }
    }

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerAnnotatedCommandHandler(new Asking(fixture.getRepository()));
    }

    private static EventMessage<?> in(String correlationId, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(Attribution.CORRELATION_ID, correlationId));
    }

    @Test
    void aPersonTheRunAddedAndRenamed_isAllTheRuns() {
        fixture.given(in(RUN, new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha", PHONE)),
                        in(RUN, new PersonRenamedEvent(ASHA, WORKSPACE, "Asha S")))
                .when(new Ask(ASHA))
                .expectResultMessagePayload(new Answer(true, true, true, true));
    }

    @Test
    void aLaterRename_takesTheName() {
        fixture.given(in(RUN, new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha", PHONE)),
                        in("request-2", new PersonRenamedEvent(ASHA, WORKSPACE, "Asha Rao")))
                .when(new Ask(ASHA))
                .expectResultMessagePayload(new Answer(false, true, true, false));
    }

    @Test
    void aLaterRunsMove_takesTheMembership() {
        fixture.given(in(RUN, new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha", PHONE)),
                        in("run-2", new PersonMovedEvent(ASHA, WORKSPACE, SHARMAS, KAPOORS)))
                .when(new Ask(ASHA))
                .expectResultMessagePayload(new Answer(true, false, true, false));
    }

    @Test
    void aRunsEmailAndNotes_onAPersonAddedByHand_areTheRunsContactOnly() {
        fixture.given(in("request-1", new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha", PHONE)),
                        in(RUN, new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@example.org", "Vegetarian")))
                .when(new Ask(ASHA))
                .expectResultMessagePayload(new Answer(false, false, true, false));
    }

    @Test
    void aLaterEdit_takesTheContact() {
        fixture.given(in("request-1", new PersonAddedEvent(ASHA, WORKSPACE, SHARMAS, "Asha", PHONE)),
                        in(RUN, new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@example.org", null)),
                        in("request-2", new PersonContactChangedEvent(ASHA, WORKSPACE, "asha@work.example", null)))
                .when(new Ask(ASHA))
                .expectResultMessagePayload(new Answer(false, false, false, false));
    }
}
