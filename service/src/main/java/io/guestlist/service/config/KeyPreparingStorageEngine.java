package io.guestlist.service.config;

import io.guestlist.query.privacy.PersonalDataSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * Axon's JDBC engine that, before it writes a unit of work's events one by one, makes sure every
 * data subject they name has its key: an import batch of 500 new people costs one key query and one
 * insert, not 500 of each.
 */
class KeyPreparingStorageEngine extends JdbcEventStorageEngine {

    private final PersonalDataSerializer personalData;

    KeyPreparingStorageEngine(JdbcEventStorageEngine.Builder builder, PersonalDataSerializer personalData) {
        super(builder);
        this.personalData = personalData;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        personalData.prepare(events.stream().map(EventMessage::getPayload).toList());
        super.appendEvents(events, serializer);
    }
}
