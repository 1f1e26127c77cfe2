package io.guestlist.query.support;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The {@code ETag} of a resource read one at a time: its aggregate's version, the sequence number of
 * its newest event, as {@code "7"}. Given only when the projections that answer the read have handled
 * that event, and read before the body: the body then shows at least that version, so a client never
 * holds a tag newer than what it saw, which would let its {@code If-Match} overwrite a change it never
 * read. (A body newer than its tag only costs a spurious 412.) While the projection lags, the read
 * has no ETag; {@code ?after=} from the client's last command makes it wait instead.
 * <p>
 * The tag is strong because {@code If-Match} compares strongly (RFC 9110 §13.1.1). It names the
 * aggregate's state, which is what a conditional write checks; it is not offered for caching.
 */
@Component
public class AggregateETags {

    private record Newest(long sequence, long position) {
    }

    private final JdbcClient jdbc;
    private final ReadYourWrites readYourWrites;

    AggregateETags(JdbcClient jdbc, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
    }

    public Optional<String> of(UUID aggregateId, String... processors) {
        return jdbc.sql("""
                        SELECT sequence_number, global_index FROM domain_event_entry
                         WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""")
                .param(aggregateId.toString())
                .query((rs, n) -> new Newest(rs.getLong(1), rs.getLong(2))).optional()
                .filter(newest -> readYourWrites.caughtUp(newest.position(), processors))
                .map(newest -> "\"" + newest.sequence() + "\"");
    }

    /** A 200 with the body, and the tag when there is one. */
    public static <T> ResponseEntity<T> tagged(Optional<String> etag, T body) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        etag.ifPresent(ok::eTag);
        return ok.body(body);
    }
}
