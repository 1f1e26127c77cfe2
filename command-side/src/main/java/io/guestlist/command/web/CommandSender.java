package io.guestlist.command.web;

import io.guestlist.command.config.AggregateVersionStamp;
import io.guestlist.command.config.AppendedEvents;
import io.guestlist.command.config.ConcurrentConflicts;
import io.guestlist.command.config.ExpectedVersionResolver;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.meta.Attribution;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Sends a command as the calling member and answers with the position clients can pass back as
 * {@code ?after=} to read their own write, and, through {@link #versioned}, with the aggregate's
 * version as {@code ETag}, checking {@code If-Match} on the way.
 */
@Component
public class CommandSender {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CommandGateway gateway;
    private final JdbcClient jdbc;

    CommandSender(CommandGateway gateway, JdbcClient jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    /** Attribution for a command sent from an HTTP request: the token's subject and the request id. */
    public static MetaData attribution(Principal caller, HttpServletRequest request) {
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        return MetaData.with(Attribution.MEMBER_ID, caller.getName())
                .and(Attribution.CORRELATION_ID, requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId);
    }

    /** A command that still loses its race after the gateway's retries is answered as a concurrent modification. */
    @SuppressWarnings("unchecked")
    public <R> R send(Object command, MetaData attribution) {
        return (R) sendForResult(command, attribution).getPayload();
    }

    /**
     * The commands of one request on one aggregate, checked against the request's {@code If-Match}:
     * the first must find the version the client read, and each later one the version its predecessor
     * left, so a request whose version is stale when it arrives changes nothing. Without If-Match
     * nothing is checked, as before. {@link Versioned#etag()} is the aggregate's version afterwards.
     */
    public Versioned versioned(Object aggregateId, HttpServletRequest request) {
        return new Versioned(String.valueOf(aggregateId), IfMatch.expectedVersion(request));
    }

    public final class Versioned {

        private final String aggregateId;
        private final boolean checked;
        private Long version;
        private boolean sent;

        private Versioned(String aggregateId, Long expected) {
            this.aggregateId = aggregateId;
            this.checked = expected != null;
            this.version = expected;
        }

        public void send(Object command, MetaData attribution) {
            sent = true;
            MetaData metaData = checked ? attribution.and(ExpectedVersionResolver.EXPECTED_VERSION, version) : attribution;
            Object stamped = sendForResult(command, metaData).getMetaData().get(AggregateVersionStamp.VERSION);
            version = stamped instanceof Number n ? n.longValue() : null;
        }

        /**
         * The version this request left, as an ETag. A request that sent no command (a PATCH of no
         * field) passed no check, not even of access, so it tells nothing: no ETag.
         */
        public String etag() {
            if (!sent) {
                return null;
            }
            return IfMatch.etag(version != null ? version : versionOf(aggregateId));
        }

        /** {@code 200} with the body, and the ETag when there is one. */
        public ResponseEntity<CommandAccepted> ok(CommandAccepted body) {
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
            if (sent) {
                ok.eTag(etag());
            }
            return ok.body(body);
        }
    }

    private CommandResultMessage<?> sendForResult(Object command, MetaData metaData) {
        FutureCallback<Object, Object> result = new FutureCallback<>();
        gateway.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData), result);
        CommandResultMessage<?> answer = result.getResult();
        if (answer.isExceptional()) {
            throw answered(answer.exceptionResult());
        }
        RequestEvents.add(AppendedEvents.in(answer));
        return answer;
    }

    private static RuntimeException answered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConflictingAggregateVersionException) {
                return stale();
            }
        }
        if (ConcurrentConflicts.isConflict(failure)) {
            return new GuestlistException(ErrorCode.CONCURRENT_MODIFICATION,
                    "Another change to the same resource won the race; read it again and retry.");
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new CommandExecutionException("Command execution resulted in a checked exception", failure);
    }

    private static GuestlistException stale() {
        return new GuestlistException(ErrorCode.PRECONDITION_FAILED,
                "The resource changed since the version in If-Match; read it again (new ETag) and retry.");
    }

    /** The aggregate's version now: its last sequence number in the store. */
    public long versionOf(Object aggregateId) {
        Long version = jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(String.valueOf(aggregateId)).query(Long.class).single();
        return version == null ? 0 : version;
    }

    /**
     * The position to read this request's writes at: the newest of the events its commands published,
     * whatever their aggregates (a merge moves the people of the unit), and of the newest event of
     * each of these aggregates. The latter answers a command that published nothing (a field set to
     * its value): the client still reads at least the state the command found, which the read model
     * may not hold yet. It also covers work on them outside this request (an undo's batches, by the
     * import worker). A later event of theirs, another command's since, only waits longer.
     */
    public long positionOf(Object... aggregateIds) {
        String[] aggregates = Arrays.stream(aggregateIds).map(String::valueOf).toArray(String[]::new);
        return jdbc.sql("""
                        SELECT COALESCE(GREATEST(
                            (SELECT max(global_index) FROM domain_event_entry WHERE event_identifier = ANY (?)),
                            (SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ANY (?))), 0)""")
                .param(RequestEvents.all().toArray(String[]::new)).param(aggregates).query(Long.class).single();
    }
}
