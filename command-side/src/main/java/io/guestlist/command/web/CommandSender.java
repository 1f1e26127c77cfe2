package io.guestlist.command.web;

import io.guestlist.command.config.ConcurrentConflicts;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.meta.Attribution;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

/**
 * Sends a command as the calling member and answers with the position clients can pass back as
 * {@code ?after=} to read their own write.
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
    public <R> R send(Object command, MetaData attribution) {
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(attribution));
        } catch (RuntimeException e) {
            if (ConcurrentConflicts.isConflict(e)) {
                throw new GuestlistException(ErrorCode.CONCURRENT_MODIFICATION,
                        "Another change to the same resource won the race; read it again and retry.");
            }
            throw e;
        }
    }

    /**
     * The global position of the newest event of these aggregates: at least that of every event the
     * command just committed (a later one if another command touched them since, which only waits longer).
     */
    public long positionOf(Object... aggregateIds) {
        List<String> ids = java.util.Arrays.stream(aggregateIds).map(String::valueOf).toList();
        Long position = jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier IN (:ids)")
                .param("ids", ids).query(Long.class).single();
        return position == null ? 0 : position;
    }
}
