package io.guestlist.service.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.guestlist.kernel.meta.Attribution;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import io.guestlist.query.privacy.PersonalDataKeys;
import io.guestlist.query.privacy.PersonalDataSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's storage in the Flyway-owned snake_case tables, serialized as JSON by Jackson. */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfig {

    static final int FETCH_BATCH = 1000;

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * A duplicate (aggregate, sequence) is another append that won: Axon then throws its
     * {@code ConcurrencyException}. Its default resolver looks for {@code SQLIntegrityConstraintViolationException},
     * which the PostgreSQL driver never throws (it reports SQL state 23505), and so turned the race into
     * an {@code EventStoreException}, a 500. (Axon's auto-configuration makes a resolver only along with
     * its own event store; this service makes the store itself, a wakeable one: see {@code SharedProcessingConfig}.)
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but fetching {@value #FETCH_BATCH} events
     * per query instead of 100: a processor catching up after an import reads a tenth as many times.
     */
    /**
     * Events and snapshots are Jackson JSON with their personal fields encrypted per data subject
     * (crypto-shredding, see {@link PersonalDataSerializer}). Replaces the serializer Axon would make for events.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper, RevisionResolver revisionResolver,
                                      PersonalDataKeys keys) {
        JacksonSerializer jackson = JacksonSerializer.builder().revisionResolver(revisionResolver)
                .converter(new ChainingConverter(getClass().getClassLoader())).objectMapper(mapper).build();
        return new PersonalDataSerializer(jackson, keys);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                 EventSchema eventSchema) {
        return new KeyPreparingStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(FETCH_BATCH), (PersonalDataSerializer) eventSerializer);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Jackson 2 for Axon (Boot 4 itself uses Jackson 3): field access, so aggregate snapshots load. Never
     * setters: a command method named like one ({@code GuestUnit.setSide} applies an event) would run
     * while a snapshot is read, outside any aggregate, and fail every later load of that aggregate.
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.SETTER, JsonAutoDetect.Visibility.NONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Events inherit who acted and the request (or import run) they belong to from their command. */
    @Bean
    public CorrelationDataProvider attributionProvider() {
        return new SimpleCorrelationDataProvider(Attribution.MEMBER_ID, Attribution.CORRELATION_ID);
    }
}
